import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MarkPaidSchema } from "~/booths/booth.schema";
import { cleanQuery } from "~/booths/floor-plan";
import { INVOICE_STATUSES, listInvoices, markInvoicePaid } from "~/booths/invoices.server";
import { BoothsNav } from "~/components/booth-map";
import { ErrorList, SubmitButton } from "~/components/forms";
import { EmptyState, Pagination } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatShortDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Tagihan stan · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "event:view");
  const url = new URL(request.url);
  const status = INVOICE_STATUSES.find((s) => s === url.searchParams.get("status"));
  const q = cleanQuery(url.searchParams.get("q"), 80);
  const locale = await getLocale(request);
  const list = await listInvoices(await getDb(), event.id, { status, q, page: Number(url.searchParams.get("page")) || 1 });
  return {
    ...list, q, status: status ?? "", locale, base: `/o/${org.slug}/events/${event.id}`, canEdit: can(role, "event:update"),
    rows: list.rows.map((r) => ({ ...r, created: formatShortDate(r.createdAt, event.timeZone, locale), paid: r.paidAt ? formatShortDate(r.paidAt, event.timeZone, locale) : null })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const submission = parseForm(await request.formData(), { schema: MarkPaidSchema });
  if (submission.status !== "success") return data({ invoiceId: String(submission.payload.invoiceId ?? ""), result: submission.reply() }, { status: 400 });
  const res = await markInvoicePaid(await getDb(), { eventId: event.id, organizationId: org.id, invoiceId: submission.value.invoiceId, reference: submission.value.reference, by: user.id, now: new Date() });
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    return data({ invoiceId: submission.value.invoiceId, result: submission.reply({ fieldErrors: { reference: [`booths.${res.reason}`] } }) }, { status: 409 });
  }
  const back = new URL(request.url);
  return redirectWithToast(`${back.pathname}${back.search}`, { type: "success", key: "booths.paid_toast", params: { number: res.value.number } });
}

function MarkPaid({ id, number }: { id: string; number: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.invoiceId === id ? actionData.result.error?.reference : undefined;
  const field = `ref-${id}`;
  return (
    <Form method="post" className="mark-paid">
      <input type="hidden" name="invoiceId" value={id} />
      <label htmlFor={field} className="small">{t("booths.paid_reference", { number })}</label>
      <div className="row">
        <input id={field} name="reference" type="text" required maxLength={120} placeholder={t("booths.paid_reference_placeholder")}
          aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${field}-error` : undefined} />
        <SubmitButton name="intent" value="mark-paid" className="btn btn-small">{t("booths.mark_paid")}</SubmitButton>
      </div>
      <ErrorList id={`${field}-error`} errors={errors} />
    </Form>
  );
}

export default function Invoices() {
  const { rows, total, page, pageSize, sums, q, status, locale, base, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <BoothsNav base={base} current="invoices" />
      <p className="muted small">{t("booths.invoice_sums", { unpaid: formatRupiah(sums.unpaid, locale), paid: formatRupiah(sums.paid, locale) })}</p>
      <Form method="get" className="searchbar filterbar" role="search">
        <label htmlFor="inv-q" className="visually-hidden">{t("common.search")}</label>
        <input id="inv-q" type="search" name="q" defaultValue={q} placeholder={t("booths.invoice_search")} />
        <label htmlFor="inv-status" className="visually-hidden">{t("booths.status_label")}</label>
        <select id="inv-status" name="status" defaultValue={status}>
          <option value="">{t("booths.invoice_all")}</option>
          {(["unpaid", "paid", "void"] as const).map((s) => <option key={s} value={s}>{t(`booths.invoice_status.${s}`)}</option>)}
        </select>
        <button type="submit" className="btn btn-secondary">{t("common.search")}</button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState action={q || status ? <Link to="?" className="btn btn-secondary">{t("booths.clear_filter")}</Link> : null}>
          {q || status ? t("booths.invoice_no_match") : t("booths.invoice_empty")}
        </EmptyState>
      ) : (
        <div className="table-wrap card">
          <table className="data responsive invoice-table">
            <thead><tr>
              <th>{t("booths.invoice_number")}</th><th>{t("booths.exhibitor")}</th><th>{t("booths.booth")}</th><th>{t("booths.amount")}</th>
              <th>{t("booths.status_label")}</th><th>{t("common.actions")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="it-number" data-label={t("booths.invoice_number")}><strong>{r.number}</strong> <span className="muted small">{r.created}</span></td>
                  <td className="it-who" data-label={t("booths.exhibitor")}>{r.exhibitorName}</td>
                  <td className="it-booth" data-label={t("booths.booth")}>{r.boothCode ?? t("common.none")}</td>
                  <td className="it-amount" data-label={t("booths.amount")}>{formatRupiah(r.amountIdr, locale)}</td>
                  <td className="it-status" data-label={t("booths.status_label")}>
                    <span className={`status-pill invoice-${r.status}`}>{t(`booths.invoice_status.${r.status}`)}</span>
                    {r.status === "paid" ? <span className="small muted"> {r.paid} · {r.paidReference}</span> : null}
                  </td>
                  <td className="it-actions" data-label={t("common.actions")}>{r.status === "unpaid" && canEdit ? <MarkPaid id={r.id} number={r.number} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
