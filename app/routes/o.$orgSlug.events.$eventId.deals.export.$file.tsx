import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReportFile, renderReportFile } from "~/reports/report-export.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";

/** Report downloads: laporan.pdf, laporan.xlsx, transaksi.csv and one CSV per breakdown (owners and admins). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org, event } = await requireEventAccess(request, params, "deal:view");
  const file = parseReportFile(params.file);
  if (!file) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const out = await renderReportFile(db, {
    eventId: event.id, eventSlug: event.slug, timeZone: event.timeZone, organizationId: org.id, userId: user.id,
    locale: await getLocale(request), request,
  }, file);
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    headers: {
      "content-type": out.contentType, "content-disposition": `attachment; filename="${out.filename}"`,
      "cache-control": "private, no-store", "x-content-type-options": "nosniff",
    },
  });
}
