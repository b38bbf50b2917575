import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listForcedScans } from "~/checkin/gate-dashboard.server";
import { EmptyState, Pagination } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatShortDate, formatTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Kemungkinan masuk ganda · Pendopo" }];
const PAGE_SIZE = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "checkin:scan");
  const page = Math.min(10_000, Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1));
  const { rows, total } = await listForcedScans(await getDb(), event.id, page, PAGE_SIZE);
  return { rows, total, page, timeZone: event.timeZone };
}

export default function ForcedScans() {
  const { rows, total, page, timeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const at = (d: string | Date) => `${formatShortDate(d, timeZone, locale)} ${formatTime(d, timeZone, locale)}`;
  return (
    <section className="card" aria-labelledby="forced-title">
      <h2 id="forced-title">{t("gate.forced.title")}</h2>
      <p className="muted">{t("gate.forced.intro")}</p>
      {rows.length === 0 ? <EmptyState>{t("gate.forced.empty")}</EmptyState> : (
        <div className="table-wrap">
          <table className="data forced-scans">
            <thead><tr>
              <th scope="col">{t("gate.forced.badge")}</th><th scope="col">{t("gate.forced.gate")}</th>
              <th scope="col">{t("gate.forced.scanned")}</th><th scope="col">{t("gate.forced.received")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.badgeName ?? t("gate.forced.unknown")}{r.organization ? <div className="muted small">{r.organization}</div> : null}</th>
                  <td>{r.gate ?? "—"}<div className="muted small">{r.list}</div></td>
                  <td>{at(r.scannedAt)}</td>
                  <td>{at(r.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </section>
  );
}
