import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeListCsv } from "~/badges/badge-list-csv";
import { parseBadgeQuery } from "~/badges/badge-forms.schema";
import { listBadgesForExport } from "~/badges/badge-list.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { csvDownload } from "~/utils/download.server";
import { getLocale, tFor } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";

/**
 * The badge list as CSV for Excel (resource route, owners and admins), with the list's search and filters. It holds
 * contact details (personal data), so every export is written to the audit log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  const { page: _page, ...query } = parseBadgeQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const rows = await listBadgesForExport(db, event.id, query);
  await audit(db, { action: "badge.export", actorUserId: user.id, organizationId: org.id, eventId: event.id, entity: "event", entityId: event.id,
    data: { rows: rows.length, format: "csv", ...query }, request });
  const csv = badgeListCsv(rows, tFor(await getLocale(request)), event.timeZone);
  return csvDownload(csv, `badge-${event.slug}.csv`);
}
