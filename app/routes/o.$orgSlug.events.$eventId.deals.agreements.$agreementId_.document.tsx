import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAgreementDocument } from "~/deals/agreements.server";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { readUploadFile, uploadFilePath } from "~/utils/uploads.server";

/** A file name for the download header: the title in safe ASCII (the UTF-8 name goes in filename*). */
function fileName(title: string, ext: string) {
  const ascii = title.normalize("NFKD").replace(/[^\w\- ]+/g, "").trim().replace(/\s+/g, "-").slice(0, 80) || "dokumen";
  return `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${title.slice(0, 80)}.${ext}`)}`;
}

/**
 * The signed document of an agreement (resource route): only for the organization's owners and admins
 * ("deal:view"); anyone else, another event's agreement or an agreement without a document is a 404. A PDF is
 * served as it was uploaded, as a download; a photo is our own re-encoded WebP. Never sniffed, never cached
 * by shared caches.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "deal:view");
  if (!isUuid(params.agreementId)) throw new Response("Not found", { status: 404 });
  const doc = await getAgreementDocument(await getDb(), event.id, params.agreementId);
  const body = doc ? await readUploadFile(uploadFilePath(doc.storageKey)) : null;
  if (!doc || !body) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const isPdf = doc.contentType === "application/pdf";
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(body.length),
      "Content-Disposition": isPdf ? fileName(doc.title, "pdf") : fileName(doc.title, "webp").replace(/^attachment/, "inline"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
