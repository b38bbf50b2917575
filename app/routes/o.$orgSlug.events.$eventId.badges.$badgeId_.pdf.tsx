import type { LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { getPrintEvent, singleBadgePdf } from "~/badges/badge-print.server";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";

/** One badge as an A6 PDF (download from the detail page); a revoked badge has none (404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "badge:view");
  if (!isUuid(params.badgeId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const printEvent = await getPrintEvent(db, event.id);
  const stream = printEvent && await singleBadgePdf(db, printEvent, params.badgeId);
  if (!stream) throw new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="badge-${params.badgeId.slice(0, 8)}.pdf"`, "cache-control": "private, no-store" },
  });
}
