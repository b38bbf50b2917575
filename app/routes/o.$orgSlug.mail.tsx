import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { listEmailLog } from "~/organizations/organizations.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { formatDate, formatTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Kotak surat · Pendopo" }];
const PAGE_SIZE = 25;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org } = await requireOrgAccess(request, params.orgSlug, "mail:view");
  // Whole pages only, capped: `page=1.5` or `page=1e308` would reach OFFSET as a bad bigint (a 500).
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(new URL(request.url).searchParams.get("page"))) || 1));
  const locale = await getLocale(request);
  const db = await getDb();
  const rows = await listEmailLog(db, org.id, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  return {
    mailDir: getEnv().MAIL_DIR,
    page,
    // One extra row tells whether a next page exists without counting the whole log.
    total: (page - 1) * PAGE_SIZE + rows.length,
    rows: rows.slice(0, PAGE_SIZE).map((r) => ({
      ...r,
      sent: `${formatDate(r.sentAt, "Asia/Jakarta", locale)} ${formatTime(r.sentAt, "Asia/Jakarta", locale)}`,
    })),
  };
}

export default function Mail() {
  const { rows, mailDir, page, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header"><h1>{t("mail.title")}</h1></div>
      <p className="muted">{t("mail.intro", { dir: mailDir })}</p>
      {rows.length === 0 ? <EmptyState>{t("mail.empty")}</EmptyState> : (
        <div className="table-wrap card">
          <table className="data responsive">
            <thead><tr><th>{t("mail.sent")}</th><th>{t("mail.to")}</th><th>{t("mail.subject")}</th><th>{t("mail.via")}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("mail.sent")}>{r.sent}</td>
                  <td data-label={t("mail.to")}>{r.toAddress}</td>
                  <td data-label={t("mail.subject")}>{r.subject}</td>
                  <td data-label={t("mail.via")}>
                    {t(`mail.transport.${r.transport}`)}
                    {r.fileName ? <> · <a href={`mail/${r.id}`} download>{t("mail.open")}</a></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
