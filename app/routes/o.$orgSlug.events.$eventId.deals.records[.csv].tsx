import type { LoaderFunctionArgs } from "@remix-run/node";
import { dealListCsv } from "~/deals/deal-csv";
import { parseDealQuery } from "~/deals/deal-form.schema";
import { listDealsForExport } from "~/deals/deal-records.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { csvDownload } from "~/utils/download.server";
import { getLocale, tFor } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";

/**
 * The deal list as CSV for Excel (resource route), with the list's search and filters. It names buyers and
 * sellers (personal data), so every export is written to the audit log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:view");
  const { page: _page, ...query } = parseDealQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const rows = await listDealsForExport(db, event.id, query);
  await audit(db, { action: "deal.export", actorUserId: user.id, organizationId: org.id, eventId: event.id, entity: "event", entityId: event.id,
    data: { rows: rows.length, format: "csv", ...query }, request });
  const csv = dealListCsv(rows, tFor(await getLocale(request)));
  return csvDownload(csv, `transaksi-${event.slug}.csv`);
}
