import type { LoaderFunctionArgs } from "@remix-run/node";
import { Readable } from "node:stream";
import { getHolderBadge } from "~/badges/badge-holder.server";
import { getPrintEvent, singleBadgePdf } from "~/badges/badge-print.server";
import { getDb } from "~/utils/db.server";

/** The holder's badge as an A6 PDF; the same code check as the badge page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const db = await getDb();
  const badge = await getHolderBadge(db, params.token ?? "");
  if (!badge || badge.status === "revoked" || badge.status === "blocked") throw new Response("Not found", { status: 404 });
  const event = await getPrintEvent(db, badge.eventId);
  const stream = event && await singleBadgePdf(db, event, badge.id);
  if (!stream) throw new Response("Not found", { status: 404 });
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="badge-${badge.shortCode}.pdf"`, "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
  });
}
