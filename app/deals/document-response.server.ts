// The HTTP answer for a deal's signed document, once the route has checked who may see it.
import { readUploadFile } from "~/utils/uploads.server";

/**
 * The file with its stored type (never guessed from the bytes: nosniff), as an attachment for a PDF and inline
 * for a photo, never cached by shared caches; a missing document or file is the same 404.
 */
export async function documentResponse(doc: { contentType: string; file: string; originalName: string } | undefined): Promise<Response> {
  const body = doc ? await readUploadFile(doc.file) : null;
  if (!doc || !body) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const ext = doc.contentType === "application/pdf" ? "pdf" : "webp";
  const base = doc.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[^\p{L}\p{N} _.-]/gu, "").trim().slice(0, 80) || "dokumen";
  const ascii = base.replace(/[^\x20-\x7e]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(body.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `${ext === "pdf" ? "attachment" : "inline"}; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(base)}.${ext}`,
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
