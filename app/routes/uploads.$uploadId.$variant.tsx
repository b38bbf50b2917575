import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/permissions.server";
import { getUser } from "~/utils/session.server";
import { getServableUpload, readUploadFile, UPLOAD_VARIANTS, type UploadVariant } from "~/utils/uploads.server";

/**
 * Serves an uploaded image (resource route: no default export). Only images of public business profiles,
 * the owner's own, or those an organizer reviews; anything else is the same 404 as a missing id.
 * The type comes from the database (we re-encoded the file ourselves), never from the file.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const variant = params.variant as UploadVariant;
  if (!isUuid(params.uploadId) || !UPLOAD_VARIANTS.includes(variant)) throw new Response("Not found", { status: 404 });
  const user = await getUser(request);
  const upload = await getServableUpload(await getDb(), params.uploadId, variant, user?.id ?? null);
  const body = upload ? await readUploadFile(upload.file) : null;
  if (!upload || !body) throw new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": upload.contentType,
      "Content-Length": String(body.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `inline; filename="${params.uploadId}-${variant}.webp"`,
      // An upload never changes (a new photo is a new upload id): cache for a year, privately unless public.
      "Cache-Control": `${upload.isPublic ? "public" : "private"}, max-age=31536000, immutable`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
