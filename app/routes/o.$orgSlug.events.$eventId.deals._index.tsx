import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportView } from "~/components/charts/report-view";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { AgreementSummary } from "~/deals/agreement-summary";
import { agreementSummary } from "~/deals/agreements.server";
import { loadReportModel } from "~/reports/report-data.server";
import { reportTables } from "~/reports/report-tables";
import { setDealTarget } from "~/reports/target.server";
import { TargetSchema } from "~/reports/target.schema";
import { getDb } from "~/utils/db.server";
import { parseForm } from "~/utils/form-parse.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Dasbor transaksi · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "deal:view");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const [model, agreements] = await Promise.all([loadReportModel(db, event.id), agreementSummary(db, event.id)]);
  return {
    model, locale, agreements, canEdit: can(role, "deal:manage"), base: `/o/${org.slug}/events/${event.id}/deals`,
    tables: reportTables(model, locale).map((t) => ({ id: t.id, title: t.title })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:manage");
  const submission = parseForm(await request.formData(), { schema: TargetSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await setDealTarget(await getDb(), { eventId: event.id, organizationId: org.id, userId: user.id, target: submission.value.target, request });
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/deals`, { type: "success", key: submission.value.target ? "deals.target.saved" : "deals.target.cleared" });
}

function TargetForm({ current, lastResult }: { current: bigint | null; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "deal-target", lastResult, constraint: getZodConstraint(TargetSchema),
    defaultValue: { target: current ? formatRupiah(current) : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TargetSchema }), shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card no-print" aria-labelledby="target-title">
      <h2 id="target-title">{t("deals.target.title")}</h2>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="set-target" />
      <Field meta={fields.target} label={t("deals.target.label")} hint={t("deals.target.hint")} optional inputMode="numeric" />
      <SubmitButton>{t("common.save")}</SubmitButton>
    </Form>
  );
}

export default function DealsDashboard() {
  const { model, locale, canEdit, base, tables, agreements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="stack">
      <div className="page-header no-print">
        <h2>{t("deals.report.dashboard")}</h2>
        <Link to="/help/deals" className="small">{t("deals.report.help")}</Link>
      </div>
      <ReportView model={model} locale={locale} />
      {agreements.total > 0 ? <AgreementSummary summary={agreements} /> : null}
      <section className="card no-print" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t("deals.downloads.title")}</h2>
        <p className="small muted">{t("deals.downloads.hint")}</p>
        <ul className="download-list">
          <li><a href={`${base}/export/laporan.pdf`} download>{t("deals.downloads.pdf")}</a></li>
          <li><a href={`${base}/export/laporan.xlsx`} download>{t("deals.downloads.xlsx")}</a></li>
          <li><a href={`${base}/export/transaksi.csv`} download>{t("deals.downloads.deals_csv")}</a></li>
          {tables.map((table) => <li key={table.id}><a href={`${base}/export/${table.id}.csv`} download>{t("deals.downloads.table_csv", { title: table.title })}</a></li>)}
        </ul>
      </section>
      {canEdit ? <TargetForm current={model.target.value} lastResult={actionData?.result} /> : null}
    </div>
  );
}
