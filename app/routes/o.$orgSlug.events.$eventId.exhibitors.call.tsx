import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { ErrorList, Field, FormErrors, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { addBoothSize, addCriterion, deleteBoothSize, deleteCriterion, getCallSettings, saveCall } from "~/exhibitors/calls.server";
import { BoothSizeSchema, CallSchema, CriterionSchema, DeleteCallPartSchema } from "~/exhibitors/exhibitor.schema";
import { SECTORS } from "~/exhibitors/vocabulary";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { instantToLocalParts, zoneAbbrev } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Pengaturan pendaftaran peserta · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, role } = await requireEventAccess(request, params, "event:view");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const { call, sizes, criteria } = await getCallSettings(db, event.id);
  const opens = call ? instantToLocalParts(call.opensAt, event.timeZone) : null;
  const closes = call ? instantToLocalParts(call.closesAt, event.timeZone) : null;
  return {
    canEdit: can(role, "event:update"),
    zone: zoneAbbrev(event.timeZone),
    call: call && opens && closes
      ? { opensDay: opens.date, opensTime: opens.time, closesDay: closes.date, closesTime: closes.time, sectors: call.sectors, intro: call.intro }
      : null,
    sizes: sizes.map((s) => ({ ...s, fee: s.feeIdr === "0" ? null : formatRupiah(s.feeIdr, locale) })),
    criteria,
    totalWeight: criteria.reduce((sum, c) => sum + c.weight, 0),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [CallSchema, BoothSizeSchema, CriterionSchema, DeleteCallPartSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const submission = parseForm(await request.formData(), { schema: ActionSchema });
  const intent = submission.payload.intent;
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const input = submission.value;
  const back = `/o/${org.slug}/events/${event.id}/exhibitors/call`;
  const conflict = (field: string, reason: string) =>
    data({ intent, result: submission.reply({ fieldErrors: { [field]: [`exhibitors.organizer.${reason}`] } }) }, { status: 409 });
  switch (input.intent) {
    case "save-call": {
      const saved = await saveCall(db, event, input);
      if (!saved.ok) return conflict("opensTime", saved.reason);
      await audit(db, { action: "exhibitor_call.saved", actorUserId: user.id, organizationId: org.id, eventId: event.id, request });
      return redirectWithToast(back, { type: "success", key: "exhibitors.organizer.call_saved" });
    }
    case "add-size": {
      const added = await addBoothSize(db, event.id, { sizeM2: input.sizeM2, fee: input.fee!, staffLimit: input.staffLimit });
      if (!added.ok) return conflict("sizeM2", added.reason);
      break;
    }
    case "add-criterion": {
      const added = await addCriterion(db, event.id, input);
      if (!added.ok) return conflict("name", added.reason);
      break;
    }
    case "delete-size":
      if (!(await deleteBoothSize(db, event.id, input.id))) throw new Response("Not found", { status: 404 });
      return redirectWithToast(back, { type: "success", key: "common.deleted" });
    case "delete-criterion": {
      const deleted = await deleteCriterion(db, event.id, input.id);
      if (!deleted.ok && deleted.reason === "not_found") throw new Response("Not found", { status: 404 });
      if (!deleted.ok) return redirectWithToast(back, { type: "error", key: `exhibitors.organizer.${deleted.reason}` });
      return redirectWithToast(back, { type: "success", key: "common.deleted" });
    }
  }
  return redirectWithToast(back, { type: "success", key: "common.saved" });
}

function useIntentForm<S extends z.ZodType>(intent: string, schema: S, defaultValue?: Record<string, string | string[]>) {
  const actionData = useActionData<typeof action>();
  return useAppForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}

function CallForm() {
  const { call, zone } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("save-call", CallSchema, call ?? undefined);
  const chosen = new Set(call?.sectors ?? []);
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <p className="small muted">{t("exhibitors.organizer.times_in", { zone })}</p>
      <div className="fields-inline">
        <Field meta={fields.opensDay} label={t("exhibitors.organizer.opens_day")} type="date" />
        <Field meta={fields.opensTime} label={t("exhibitors.organizer.opens_time")} type="time" />
      </div>
      <div className="fields-inline">
        <Field meta={fields.closesDay} label={t("exhibitors.organizer.closes_day")} type="date" />
        <Field meta={fields.closesTime} label={t("exhibitors.organizer.closes_time")} type="time" />
      </div>
      <fieldset>
        <legend>{t("exhibitors.call.sectors")}</legend>
        <p className="hint" style={{ marginTop: 0 }}>{t("exhibitors.organizer.sectors_hint")}</p>
        <div className="grid grid-2" style={{ gap: 0 }}>
          {SECTORS.map((s) => (
            <label key={s} style={{ display: "flex", gap: ".5rem", alignItems: "center", minHeight: 44 }}>
              <input type="checkbox" name={fields.sectors.name} value={s} defaultChecked={chosen.has(s)} style={{ width: 22, height: 22 }} />
              {t(`exhibitors.sectors.${s}`)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.sectors.errorId} errors={fields.sectors.errors} />
      </fieldset>
      <TextareaField meta={fields.intro} label={t("exhibitors.organizer.intro")} hint={t("exhibitors.organizer.intro_hint")} optional />
      <SubmitButton name="intent" value="save-call">{call ? t("common.save") : t("exhibitors.organizer.open_call")}</SubmitButton>
    </Form>
  );
}

function AddSizeForm() {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("add-size", BoothSizeSchema, { staffLimit: "2" });
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.sizeM2} label={t("exhibitors.organizer.size_m2")} type="number" inputMode="numeric" />
      <Field meta={fields.fee} label={t("exhibitors.organizer.fee")} hint={t("exhibitors.organizer.fee_hint")} inputMode="numeric" />
      <Field meta={fields.staffLimit} label={t("exhibitors.organizer.staff_limit")} type="number" inputMode="numeric" />
      <div className="form-actions"><SubmitButton name="intent" value="add-size">{t("exhibitors.organizer.add_size")}</SubmitButton></div>
    </Form>
  );
}

function AddCriterionForm() {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("add-criterion", CriterionSchema);
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("exhibitors.organizer.criterion_name")} />
      <Field meta={fields.weight} label={t("exhibitors.organizer.weight")} type="number" inputMode="numeric" />
      <div className="form-actions"><SubmitButton name="intent" value="add-criterion">{t("exhibitors.organizer.add_criterion")}</SubmitButton></div>
    </Form>
  );
}

export default function CallSettings() {
  const { canEdit, call, sizes, criteria, totalWeight } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="grid grid-2 grid-top">
      <section className="card" aria-labelledby="call-heading" style={{ gridColumn: "1 / -1" }}>
        <h2 id="call-heading">{t("exhibitors.call.title")}</h2>
        {canEdit ? <CallForm /> : <p>{call ? t("exhibitors.organizer.call_set") : t("exhibitors.organizer.no_call")}</p>}
      </section>
      <section className="card" aria-labelledby="sizes-heading">
        <h2 id="sizes-heading">{t("exhibitors.call.sizes")}</h2>
        {sizes.length === 0 ? <EmptyState>{t("exhibitors.organizer.no_sizes")}</EmptyState> : (
          <ul className="item-list">
            {sizes.map((s) => (
              <li key={s.id}>
                <span><strong>{t("exhibitors.call.size_label", { size: s.sizeM2 })}</strong> · {s.fee ?? t("exhibitors.call.free")} · {t("exhibitors.call.staff_limit", { count: s.staffLimit })}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-size" fields={{ id: s.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <AddSizeForm key={sizes.length} /> : null}
      </section>
      <section className="card" aria-labelledby="criteria-heading">
        <h2 id="criteria-heading">{t("exhibitors.organizer.criteria")}</h2>
        <p className="small muted">{t("exhibitors.organizer.criteria_hint")}</p>
        {criteria.length === 0 ? <EmptyState>{t("exhibitors.organizer.no_criteria")}</EmptyState> : (
          <>
            <ul className="item-list">
              {criteria.map((c) => (
                <li key={c.id}>
                  <span><strong>{c.name}</strong> · {t("exhibitors.organizer.weight_value", { weight: c.weight })}</span>
                  {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-criterion" fields={{ id: c.id }} /> : null}
                </li>
              ))}
            </ul>
            <p className="small" style={{ margin: 0 }}>
              {t("exhibitors.organizer.total_weight", { total: totalWeight })}
              {totalWeight !== 100 ? ` ${t("exhibitors.organizer.total_weight_hint")}` : ""}
            </p>
          </>
        )}
        {canEdit ? <AddCriterionForm key={criteria.length} /> : null}
      </section>
    </div>
  );
}
