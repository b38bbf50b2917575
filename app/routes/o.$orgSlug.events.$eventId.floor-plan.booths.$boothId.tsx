import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { assignBooth, listUnassignedExhibitors, releaseBooth } from "~/booths/assign.server";
import { BoothSchema, DeleteBoothSchema, ManualAssignSchema, ReleaseSchema } from "~/booths/booth.schema";
import { deleteBooth, getBooth, listHalls, loadHallPlan, updateBooth } from "~/booths/booths.server";
import { BoothMap, BoothMapLegend, BoothsNav, useDetailMessages } from "~/components/booth-map";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { ConfirmAction } from "~/components/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.booth.code ?? ""} · Denah & stan · Pendopo` }];

async function requireBooth(db: Awaited<ReturnType<typeof getDb>>, eventId: string, boothId: string | undefined) {
  const booth = isUuid(boothId) ? await getBooth(db, eventId, boothId) : undefined;
  if (!booth) throw new Response("Not found", { status: 404 });
  return booth;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "event:view");
  const db = await getDb();
  const booth = await requireBooth(db, event.id, params.boothId);
  const [halls, exhibitors] = await Promise.all([listHalls(db, event.id), booth.assignmentId ? [] : listUnassignedExhibitors(db, event.id)]);
  const plan = await loadHallPlan(db, event.id, halls, booth.hallId);
  return { booth, plan, exhibitors, base: `/o/${org.slug}/events/${event.id}`, canEdit: can(role, "event:update"), locale: await getLocale(request) };
}

const SCHEMAS = { "save-booth": BoothSchema, "delete-booth": DeleteBoothSchema, assign: ManualAssignSchema, release: ReleaseSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const db = await getDb();
  const booth = await requireBooth(db, event.id, params.boothId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const submission = parseForm(form, { schema: (SCHEMAS[intent as keyof typeof SCHEMAS] ?? BoothSchema) as z.ZodType });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const v = submission.value as z.infer<(typeof SCHEMAS)[keyof typeof SCHEMAS]>;
  const here = `/o/${org.slug}/events/${event.id}/floor-plan/booths/${booth.id}`;
  const refuse = (field: string, message: string) => data({ intent, result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 409 });
  const now = new Date();
  if (v.intent === "assign") {
    const res = await assignBooth(db, { eventId: event.id, applicationId: v.applicationId, boothId: booth.id, method: "manual", by: user.id, now, appUrl: getEnv().APP_URL });
    if (!res.ok) return refuse("applicationId", `booths.${res.reason}|${res.detail ?? booth.code}`);
    return redirectWithToast(here, { type: "success", key: "booths.assigned_toast", params: { code: res.value.boothCode } });
  }
  if (v.intent === "release") {
    const res = await releaseBooth(db, { eventId: event.id, boothId: booth.id, by: user.id, now });
    if (!res.ok) return redirectWithToast(here, { type: "error", key: "booths.not_assigned" });
    return redirectWithToast(here, { type: "success", key: "booths.released_toast", params: { code: booth.code } });
  }
  if (v.intent === "delete-booth") {
    const res = await deleteBooth(db, event.id, booth.id);
    if (!res.ok) return redirectWithToast(here, { type: "error", key: "booths.booth_assigned", params: { code: booth.code } });
    await audit(db, { action: "booth.deleted", actorUserId: user.id, organizationId: org.id, eventId: event.id, entity: "booth", entityId: booth.id, data: { code: booth.code }, request });
    return redirectWithToast(`/o/${org.slug}/events/${event.id}/floor-plan?hall=${booth.hallId}`, { type: "success", key: "booths.deleted_toast", params: { code: res.value.code } });
  }
  const res = await updateBooth(db, event.id, booth.id, v);
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    const field = res.reason === "code_taken" ? "code" : res.reason === "size_locked" ? "sizeM2" : "x";
    return refuse(field, `booths.${res.reason}|${res.detail ?? ""}`);
  }
  await audit(db, { action: "booth.updated", actorUserId: user.id, organizationId: org.id, eventId: event.id, entity: "booth", entityId: booth.id, data: { code: v.code, priceIdr: v.price ?? booth.priceIdr }, request });
  return redirectWithToast(here, { type: "success", key: "common.saved" });
}

function EditForm({ booth }: { booth: ReturnType<typeof useLoaderData<typeof loader>>["booth"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "save-booth",
    lastResult: useDetailMessages(actionData?.intent === "save-booth" ? actionData.result : undefined),
    defaultValue: { code: booth.code, sizeM2: String(booth.sizeM2), zone: booth.zone, price: booth.priceIdr, x: String(booth.x), y: String(booth.y), w: String(booth.w), h: String(booth.h) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BoothSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <div className="fields-inline">
        <Field meta={fields.code} label={t("booths.code")} />
        <Field meta={fields.sizeM2} label={t("booths.size_m2")} type="number" inputMode="numeric" />
      </div>
      <div className="fields-inline">
        <Field meta={fields.zone} label={t("booths.zone")} optional />
        <Field meta={fields.price} label={t("booths.price")} inputMode="numeric" optional />
      </div>
      <p className="hint" style={{ marginTop: "-.5rem" }}>{t("booths.price_hint")}</p>
      <fieldset>
        <legend>{t("booths.move")}</legend>
        <div className="fields-inline">
          <Field meta={fields.x} label={t("booths.x")} type="number" inputMode="numeric" />
          <Field meta={fields.y} label={t("booths.y")} type="number" inputMode="numeric" />
          <Field meta={fields.w} label={t("booths.bulk.w")} type="number" inputMode="numeric" />
          <Field meta={fields.h} label={t("booths.bulk.h")} type="number" inputMode="numeric" />
        </div>
      </fieldset>
      <SubmitButton name="intent" value="save-booth">{t("common.save")}</SubmitButton>
    </Form>
  );
}

function AssignForm({ exhibitors, sizeM2 }: { exhibitors: ReturnType<typeof useLoaderData<typeof loader>>["exhibitors"]; sizeM2: number }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "assign",
    lastResult: useDetailMessages(actionData?.intent === "assign" ? actionData.result : undefined),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ManualAssignSchema }),
  });
  const fits = exhibitors.filter((e) => e.preferredSizeM2 === sizeM2 || e.preferredSizeM2 === null);
  if (fits.length === 0) return <p className="muted">{t("booths.no_candidates", { size: sizeM2 })}</p>;
  const label = (e: (typeof fits)[number]) => `${e.name} · ${e.province}${e.preferredZone ? ` · ${e.preferredZone}` : ""}${e.preferredSizeM2 === null ? ` (${t("booths.size_unknown")})` : ""}`;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <SelectField meta={fields.applicationId} label={t("booths.assign_to", { size: sizeM2 })} placeholder={t("booths.choose_exhibitor")}
        options={fits.map((e) => ({ value: e.id, label: label(e) }))} />
      <SubmitButton name="intent" value="assign">{t("booths.assign_button")}</SubmitButton>
    </Form>
  );
}

export default function BoothPage() {
  const { booth, plan, exhibitors, base, canEdit, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const status = booth.assignmentStatus === "confirmed" ? "assigned" : booth.assignmentStatus === "held" ? "held" : "available";
  const money = (v: string) => (v === "0" ? t("booths.free") : formatRupiah(v, locale));
  return (
    <>
      <BoothsNav base={base} current="plan" />
      <p className="breadcrumbs"><Link className="back-link" to={`${base}/floor-plan?hall=${booth.hallId}`}>← {t("booths.back_to_plan")}</Link></p>
      <div className="page-header">
        <h2 style={{ margin: 0 }}>{t("booths.map.booth_name", { code: booth.code })} <span className={`status-pill status-${status}`}>{t(`booths.status.${status}`)}</span></h2>
        <span className="muted small">{booth.hallName} · {booth.sizeM2} m² · {money(booth.priceIdr)}</span>
      </div>
      <div className="grid grid-2 grid-top">
        <section className="card" aria-labelledby="assignment-heading">
          <h2 id="assignment-heading">{t("booths.assignment")}</h2>
          {booth.assignmentId ? (
            <>
              <dl className="booth-facts">
                <dt>{t("booths.exhibitor")}</dt><dd>{booth.exhibitorName}</dd>
                <dt>{t("booths.method_label")}</dt><dd>{t(`booths.method.${booth.method}`)}</dd>
                <dt>{t("booths.fee")}</dt><dd>{money(booth.feeIdr ?? "0")} <span className="muted small">({t("booths.fee_frozen")})</span></dd>
                <dt>{t("booths.invoice_number")}</dt>
                <dd>{booth.invoiceNumber ? <Link to={`${base}/invoices?q=${encodeURIComponent(booth.invoiceNumber)}`}>{booth.invoiceNumber}</Link> : t("booths.no_invoice")}
                  {booth.invoiceStatus ? ` · ${t(`booths.invoice_status.${booth.invoiceStatus}`)}` : ""}</dd>
              </dl>
              {canEdit ? <ConfirmAction label={t("booths.release")} intent="release" confirmText={t("booths.release_confirm", { code: booth.code, name: booth.exhibitorName })} /> : null}
            </>
          ) : canEdit ? <AssignForm exhibitors={exhibitors} sizeM2={booth.sizeM2} /> : <p className="muted">{t("booths.status.available")}</p>}
        </section>
        {canEdit ? (
          <section className="card" aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t("booths.edit_title")}</h2>
            <EditForm booth={booth} />
            <div className="danger-zone">
              {booth.assignmentId ? <p className="muted small">{t("booths.delete_blocked")}</p>
                : <ConfirmAction label={t("booths.delete")} intent="delete-booth" confirmText={t("booths.delete_confirm", { code: booth.code })} />}
            </div>
          </section>
        ) : null}
      </div>
      {plan ? (
        <section className="card" aria-labelledby="where-heading">
          <h2 id="where-heading">{t("booths.map.title", { hall: plan.hall.name })}</h2>
          <BoothMap title={t("booths.map.title", { hall: plan.hall.name })} description={t("booths.map.organizer_desc")} extent={plan.extent}
            booths={plan.booths} highlightCode={booth.code} showNames hrefFor={(b) => `${base}/floor-plan/booths/${b.id}`} />
          <BoothMapLegend withHighlight highlightLabel={t("booths.map.this_booth")} />
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
