import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { autoAssignOverview, confirmAutoAssignment, type Preview, previewAutoAssignment } from "~/booths/auto-assign.server";
import { AutoConfirmSchema, AutoPreviewSchema, type AutoRulesInput } from "~/booths/booth.schema";
import { BoothsNav } from "~/components/booth-map";
import { ErrorList, FormErrors, SubmitButton } from "~/components/forms";
import { EmptyState } from "~/components/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Penempatan otomatis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "event:view");
  return {
    overview: await autoAssignOverview(await getDb(), event.id),
    base: `/o/${org.slug}/events/${event.id}`, canEdit: can(role, "event:update"), locale: await getLocale(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const form = await request.formData();
  const intent = form.get("intent") === "confirm" ? "confirm" : "preview";
  const db = await getDb();
  if (intent === "preview") {
    const submission = parseForm(form, { schema: AutoPreviewSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), preview: null, rules: null }, { status: 400 });
    const { intent: _intent, ...rules } = submission.value;
    return { result: submission.reply(), preview: await previewAutoAssignment(db, event.id, rules), rules };
  }
  const submission = parseForm(form, { schema: AutoConfirmSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null, rules: null }, { status: 400 });
  const { intent: _intent, plan, ...rules } = submission.value;
  const res = await confirmAutoAssignment(db, { eventId: event.id, rules, plan, by: user.id, now: new Date(), appUrl: getEnv().APP_URL });
  if (!res.ok) return data({ result: submission.reply({ formErrors: [`booths.${res.reason}`] }), preview: null, rules }, { status: 409 });
  await audit(db, { action: "booth.auto_assigned", actorUserId: user.id, organizationId: org.id, eventId: event.id, data: { count: res.value.count, rules }, request });
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/floor-plan`, { type: "success", key: "booths.auto.done", params: { count: res.value.count } });
}

/** The rules as hidden fields, so "confirm" re-checks the plan under exactly the rules it was made with. */
function RuleFields({ rules }: { rules: AutoRulesInput }) {
  return (
    <>
      {rules.noAdjacentCompetitors ? <input type="hidden" name="noAdjacentCompetitors" value="on" /> : null}
      {rules.quotaProvinces.map((p) => <input key={p} type="hidden" name="quotaProvinces" value={p} />)}
      {rules.quotaPercent !== undefined ? <input type="hidden" name="quotaPercent" value={rules.quotaPercent} /> : null}
    </>
  );
}

export default function AutoAssign() {
  const { overview, base, canEdit, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const preview = (actionData?.preview ?? null) as Preview | null;
  const rules = (actionData?.rules ?? undefined) as AutoRulesInput | undefined;
  const errors = actionData?.result?.error ?? {};
  const money = (v: string) => (v === "0" ? t("booths.free") : formatRupiah(v, locale));
  const checked = (province: string, java: boolean) => (rules ? rules.quotaProvinces.includes(province) : !java);
  return (
    <>
      <BoothsNav base={base} current="auto" />
      <section className="card" aria-labelledby="auto-heading">
        <h2 id="auto-heading">{t("booths.auto.title")}</h2>
        <p>{t("booths.auto.intro")}</p>
        <p className="small muted">{t("booths.auto.priority_rule")}</p>
        <p><strong>{t("booths.auto.overview", overview)}</strong>{overview.withoutSize ? ` ${t("booths.auto.without_size", { count: overview.withoutSize })}` : ""}</p>
        {overview.waiting === 0 ? <EmptyState>{t("booths.auto.nobody_waiting")}</EmptyState> : canEdit ? (
          <Form method="post" className="stack">
            <FormErrors errors={actionData?.result?.error?.[""] ?? null} />
            <label className="booth-check">
              <input type="checkbox" name="noAdjacentCompetitors" defaultChecked={rules ? rules.noAdjacentCompetitors : true} />
              {t("booths.auto.no_competitors")}
            </label>
            {overview.provinces.length > 0 ? (
              <fieldset>
                <legend>{t("booths.auto.quota")}</legend>
                <p className="hint">{t("booths.auto.quota_hint")}</p>
                <div className="booth-check-grid">
                  {overview.provinces.map((p) => (
                    <label key={p.province} className="booth-check">
                      <input type="checkbox" name="quotaProvinces" value={p.province} defaultChecked={checked(p.province, p.java)} />
                      {p.province} <span className="muted small">({p.count})</span>
                    </label>
                  ))}
                </div>
                <div className="field" style={{ maxWidth: "12rem" }}>
                  <label htmlFor="quotaPercent">{t("booths.auto.quota_percent")}</label>
                  <input id="quotaPercent" name="quotaPercent" type="number" inputMode="numeric" min={0} max={100}
                    defaultValue={rules?.quotaPercent ?? 30} aria-invalid={errors.quotaPercent ? true : undefined}
                    aria-describedby={errors.quotaPercent ? "quotaPercent-error" : undefined} />
                  <ErrorList id="quotaPercent-error" errors={errors.quotaPercent} />
                </div>
              </fieldset>
            ) : null}
            <SubmitButton name="intent" value="preview" className="btn btn-secondary">{t("booths.auto.preview_button")}</SubmitButton>
          </Form>
        ) : <p className="muted small">{t("booths.auto.view_only")}</p>}
      </section>
      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("booths.auto.preview_title")}</h2>
          <p className="booth-note booth-note-ok" role="status">
            {t("booths.auto.quality", { score: preview.stats.score.toLocaleString(locale === "en" ? "en-US" : "id-ID"), bound: preview.stats.upperBound.toLocaleString(locale === "en" ? "en-US" : "id-ID"), percent: preview.stats.percent.toLocaleString(locale === "en" ? "en-US" : "id-ID") })}
          </p>
          <ul className="small">
            <li>{t("booths.auto.changes_new", { count: preview.assignments.length })}</li>
            <li>{t("booths.auto.changes_fixed", { count: preview.fixedCount })}</li>
            <li>{t("booths.auto.changes_unassigned", { count: preview.unassigned.length })}</li>
            <li>{t("booths.auto.changes_invoices", { count: preview.invoices, total: money(preview.totalFeeIdr) })}</li>
            <li>{t("booths.auto.changes_emails", { count: preview.assignments.length })}</li>
          </ul>
          {preview.assignments.length > 0 ? (
            <div className="table-wrap">
              <table className="data responsive">
                <caption className="visually-hidden">{t("booths.auto.preview_title")}</caption>
                <thead><tr><th>{t("booths.exhibitor")}</th><th>{t("booths.auto.priority")}</th><th>{t("booths.booth")}</th><th>{t("booths.auto.fit")}</th><th>{t("booths.fee")}</th></tr></thead>
                <tbody>
                  {preview.assignments.map((a) => (
                    <tr key={a.applicationId}>
                      <td data-label={t("booths.exhibitor")}>{a.name} <span className="muted small">· {a.province}</span></td>
                      <td data-label={t("booths.auto.priority")}>{a.priority}</td>
                      <td data-label={t("booths.booth")}><strong>{a.boothCode}</strong> <span className="muted small">· {a.hallName}{a.zone ? ` · ${a.zone}` : ""}</span></td>
                      <td data-label={t("booths.auto.fit")}>{t(`booths.auto.fits.${a.fit}`)}</td>
                      <td data-label={t("booths.fee")}>{money(a.feeIdr)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.unassigned.length > 0 ? (
            <>
              <h3>{t("booths.auto.unassigned_title")}</h3>
              <ul className="item-list">
                {preview.unassigned.map((u) => (
                  <li key={u.applicationId}><span>{u.name}{u.sizeM2 ? ` · ${u.sizeM2} m²` : ""}</span><span className="muted small">{t(`booths.auto.reasons.${u.reason}`)}</span></li>
                ))}
              </ul>
            </>
          ) : null}
          {preview.plan.length > 0 && rules ? (
            <Form method="post" className="row">
              <RuleFields rules={rules} />
              <input type="hidden" name="plan" value={JSON.stringify(preview.plan)} />
              <SubmitButton name="intent" value="confirm">{t("booths.auto.confirm_button", { count: preview.plan.length })}</SubmitButton>
              <Link to={`${base}/floor-plan`} className="btn btn-secondary">{t("common.cancel")}</Link>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
