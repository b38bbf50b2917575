import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import { requireOwnBusiness } from "~/exhibitors/access.server";
import { getApplicationPrefill, saveApplication } from "~/exhibitors/applications.server";
import { getBusinessByOwner } from "~/exhibitors/businesses.server";
import { callPhase, EDITABLE_STATUSES, isSectorAccepted } from "~/exhibitors/call-rules";
import { getPublicCall } from "~/exhibitors/calls.server";
import { ApplicationSchema } from "~/exhibitors/exhibitor.schema";
import { StatusBadge } from "~/exhibitors/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatTime } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.event.name ?? "Pendaftaran"} · Pendopo` }];

async function load(request: Request, slug: string | undefined) {
  const { user } = await requireOwnBusiness(request);
  const db = await getDb();
  const found = await getPublicCall(db, slug ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const business = await getBusinessByOwner(db, user.id);
  if (!business) throw redirect(`/exhibitor/profile?redirectTo=${encodeURIComponent(`/exhibitor/apply/${found.event.slug}`)}`);
  return { user, db, business, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, business, event, call, sizes } = await load(request, params.eventSlug);
  const locale = await getLocale(request);
  const { application, prefill, fromEarlier } = await getApplicationPrefill(db, business.id, event.id);
  const when = (at: Date) => `${formatDate(at, event.timeZone, locale)}, ${formatTime(at, event.timeZone, locale)}`;
  return {
    event: { slug: event.slug, name: event.name, organizerName: event.organizerName },
    call: call ? { phase: callPhase(call, new Date()), opens: when(call.opensAt), closes: when(call.closesAt), sectors: call.sectors } : null,
    sectorAccepted: call ? isSectorAccepted(call.sectors, business.sector) : true,
    sizes: sizes.map((s) => ({ sizeM2: s.sizeM2, fee: s.feeIdr === "0" ? null : formatRupiah(s.feeIdr, locale), staffLimit: s.staffLimit })),
    business: {
      name: business.name, brandName: business.brandName, ownerName: business.ownerName, sector: business.sector, umkmClass: business.umkmClass,
      city: business.city, province: business.province, whatsapp: business.whatsapp, email: business.email,
    },
    application: application ? { id: application.id, status: application.status } : null,
    prefill,
    fromEarlier,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, business, event } = await load(request, params.eventSlug);
  const submission = parseForm(await request.formData(), { schema: ApplicationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveApplication(db, {
    business, event, input: submission.value, locale: user.locale, appUrl: getEnv().APP_URL,
  }, new Date());
  if (!saved.ok) {
    const message = `exhibitors.apply.refused.${saved.reason}`;
    const onSize = saved.reason === "size_required" || saved.reason === "size_not_offered";
    return data({ result: submission.reply(onSize ? { fieldErrors: { preferredSizeM2: [message] } } : { formErrors: [message] }) }, { status: 409 });
  }
  if (saved.value.status === "submitted") {
    await audit(db, {
      action: "application.submitted", actorUserId: user.id, organizationId: event.organizationId, eventId: event.id,
      entity: "application", entityId: saved.value.id, request,
    });
    return redirectWithToast(`/exhibitor/applications/${saved.value.id}`, { type: "success", key: "exhibitors.apply.submitted" });
  }
  return redirectWithToast(`/exhibitor/apply/${event.slug}`, { type: "success", key: "exhibitors.apply.draft_saved" });
}

export default function Apply() {
  const { event, call, sectorAccepted, sizes, business, application, prefill, fromEarlier } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "application",
    lastResult: actionData?.result,
    defaultValue: {
      preferredSizeM2: prefill.preferredSizeM2 === null ? undefined : String(prefill.preferredSizeM2),
      preferredZone: prefill.preferredZone, motivation: prefill.motivation, historyYears: String(prefill.historyYears),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApplicationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const editable = !application || EDITABLE_STATUSES.includes(application.status);
  const canSubmit = call?.phase === "open" && sectorAccepted;
  const size = fields.preferredSizeM2;
  return (
    <>
      <p className="breadcrumbs"><Link to={`/e/${event.slug}/exhibit`}>← {t("exhibitors.apply.back_to_call")}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t("exhibitors.apply.title", { event: event.name })}</h1>
          <span className="muted small">{event.organizerName}</span>
        </div>
        {application ? <StatusBadge status={application.status} /> : null}
      </div>

      <section className="card" aria-labelledby="call-heading">
        <h2 id="call-heading">{t("exhibitors.call.title")}</h2>
        {call ? (
          <>
            <p style={{ margin: 0 }}><strong>{t(`exhibitors.call.phases.${call.phase}`)}</strong></p>
            <p className="small" style={{ margin: 0 }}>{t("exhibitors.call.window", { opens: call.opens, closes: call.closes })}</p>
          </>
        ) : <p style={{ margin: 0 }}>{t("exhibitors.call.none")}</p>}
        {!sectorAccepted ? <p className="form-error" style={{ marginTop: ".5rem" }}>{t("exhibitors.apply.refused.sector_not_accepted")}</p> : null}
      </section>

      <section className="card" aria-labelledby="business-heading">
        <h2 id="business-heading">{t("exhibitors.apply.business_title")}</h2>
        <p className="small muted">{t("exhibitors.apply.business_intro")}</p>
        <dl className="small" style={{ margin: 0 }}>
          <dt><strong>{t("exhibitors.fields.name")}</strong></dt><dd>{business.name}{business.brandName ? ` (${business.brandName})` : ""}</dd>
          <dt><strong>{t("exhibitors.fields.owner_name")}</strong></dt><dd>{business.ownerName}</dd>
          <dt><strong>{t("exhibitors.fields.sector")}</strong></dt><dd>{t(`exhibitors.sectors.${business.sector}`)} · {t(`exhibitors.umkm_classes.${business.umkmClass}`)}</dd>
          <dt><strong>{t("exhibitors.fields.region")}</strong></dt><dd>{business.city}, {business.province}</dd>
          <dt><strong>{t("exhibitors.fields.contact")}</strong></dt><dd>{[business.whatsapp, business.email].filter(Boolean).join(" · ")}</dd>
        </dl>
        <Link className="small" to={`/exhibitor/profile?redirectTo=${encodeURIComponent(`/exhibitor/apply/${event.slug}`)}`}>{t("exhibitors.apply.edit_profile")}</Link>
      </section>

      {!editable ? (
        <section className="card">
          <p>{t("exhibitors.apply.already", { status: t(`exhibitors.statuses.${application!.status}`) })}</p>
          <Link className="btn" to={`/exhibitor/applications/${application!.id}`}>{t("exhibitors.apply.view_application")}</Link>
        </section>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="form-heading">
          <h2 id="form-heading">{t("exhibitors.apply.form_title")}</h2>
          {fromEarlier ? <p className="small muted">{t("exhibitors.apply.prefilled")}</p> : null}
          {application?.status === "withdrawn" ? <p className="small muted">{t("exhibitors.apply.reopen")}</p> : null}
          <FormErrors errors={form.errors} />
          {sizes.length > 0 ? (
            <fieldset>
              <legend>{t("exhibitors.apply.size")}</legend>
              {sizes.map((s) => (
                <div key={s.sizeM2} className="radio-row" style={{ display: "flex", gap: ".5rem", alignItems: "center", minHeight: 44 }}>
                  <input type="radio" id={`size-${s.sizeM2}`} name={size.name} value={String(s.sizeM2)}
                    defaultChecked={size.initialValue === String(s.sizeM2)} style={{ width: 22, height: 22 }} />
                  <label htmlFor={`size-${s.sizeM2}`}>
                    {t("exhibitors.call.size_label", { size: s.sizeM2 })} · {s.fee ?? t("exhibitors.call.free")} · {t("exhibitors.call.staff_limit", { count: s.staffLimit })}
                  </label>
                </div>
              ))}
              <ErrorList id={size.errorId} errors={size.errors} />
            </fieldset>
          ) : null}
          <Field meta={fields.preferredZone} label={t("exhibitors.apply.zone")} hint={t("exhibitors.apply.zone_hint")} optional />
          <TextareaField meta={fields.motivation} label={t("exhibitors.apply.motivation")} hint={t("exhibitors.apply.motivation_hint")} optional />
          <Field meta={fields.historyYears} label={t("exhibitors.apply.history_years")} hint={t("exhibitors.apply.history_hint")} type="number" inputMode="numeric" optional />
          <div className="row">
            <SubmitButton name="intent" value="save" className="btn btn-secondary">{t("exhibitors.apply.save_draft")}</SubmitButton>
            {canSubmit ? <SubmitButton name="intent" value="submit">{t("exhibitors.apply.submit")}</SubmitButton> : null}
          </div>
          {!canSubmit ? <p className="small muted" style={{ marginTop: ".5rem" }}>{t("exhibitors.apply.cannot_submit_now")}</p> : null}
        </Form>
      )}
    </>
  );
}
