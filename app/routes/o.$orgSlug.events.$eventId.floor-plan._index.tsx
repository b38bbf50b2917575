import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { BulkSchema, ClearWindowSchema, WindowSchema } from "~/booths/booth.schema";
import { createBoothsInBulk, loadFloorPlan, setSelectionWindow } from "~/booths/booths.server";
import { cleanQuery } from "~/booths/floor-plan";
import type { BoothRect } from "~/booths/geometry";
import { BoothMap, BoothMapLegend, BoothsNav, useDetailMessages } from "~/components/booth-map";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { EmptyState, Pagination } from "~/components/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatDate, formatTime, instantToLocalParts } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Denah & stan · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "event:view");
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const fp = await loadFloorPlan(await getDb(), event.id, {
    hallId: url.searchParams.get("hall"), q: cleanQuery(url.searchParams.get("q"), 40), page: Number(url.searchParams.get("page")) || 1,
  });
  const at = (d: Date | null | undefined) => (d ? `${formatDate(d, event.timeZone, locale)} ${formatTime(d, event.timeZone, locale)}` : null);
  const w = fp.call.window;
  return {
    ...fp, locale, q: cleanQuery(url.searchParams.get("q"), 40),
    base: `/o/${org.slug}/events/${event.id}`,
    canEdit: can(role, "event:update"),
    window: { opens: at(w?.opensAt), closes: at(w?.closesAt), opensParts: w?.opensAt ? instantToLocalParts(w.opensAt, event.timeZone) : null, closesParts: w?.closesAt ? instantToLocalParts(w.closesAt, event.timeZone) : null },
  };
}

const SCHEMAS = { "bulk-preview": BulkSchema, "bulk-create": BulkSchema, "set-window": WindowSchema, "clear-window": ClearWindowSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const schema: z.ZodType = SCHEMAS[intent as keyof typeof SCHEMAS] ?? BulkSchema;
  const submission = parseForm(form, { schema });
  if (submission.status !== "success") return data({ intent, result: submission.reply(), preview: null }, { status: 400 });
  const db = await getDb();
  const back = `/o/${org.slug}/events/${event.id}/floor-plan`;
  const v = submission.value as z.infer<(typeof SCHEMAS)[keyof typeof SCHEMAS]>;
  if (v.intent === "set-window" || v.intent === "clear-window") {
    const res = await setSelectionWindow(db, event, v.intent === "set-window" ? v : null);
    if (!res.ok) return data({ intent, result: submission.reply({ formErrors: ["booths.no_call"] }), preview: null }, { status: 409 });
    return redirectWithToast(back, { type: "success", key: v.intent === "set-window" ? "booths.window_saved" : "booths.window_cleared" });
  }
  const res = await createBoothsInBulk(db, event.id, v, { dryRun: v.intent === "bulk-preview" });
  if (!res.ok) {
    if (res.reason === "hall_not_found") return data({ intent, result: submission.reply({ fieldErrors: { hallId: ["booths.hall_not_found"] } }), preview: null }, { status: 409 });
    const field = res.reason === "too_many" ? "cols" : res.reason === "overlap" || res.reason === "out_of_bounds" ? "startX" : "codePattern";
    return data({ intent, result: submission.reply({ fieldErrors: { [field]: [`booths.${res.reason}|${res.detail ?? ""}`] } }), preview: null }, { status: 409 });
  }
  if (v.intent === "bulk-preview") {
    const { booths, count, sizeM2, priceIdr, hallId } = res.value;
    return { intent, result: submission.reply(), preview: { booths, count, sizeM2, priceIdr, hallId } };
  }
  await audit(db, { action: "booth.created", actorUserId: user.id, organizationId: org.id, eventId: event.id, data: { hallId: res.value.hallId, count: res.value.count }, request });
  return redirectWithToast(`${back}?hall=${res.value.hallId}`, { type: "success", key: "booths.created", params: { count: res.value.count } });
}

function BulkForm({ halls, hallId }: { halls: Array<{ id: string; name: string }>; hallId: string }) {
  const { t, i18n } = useTranslation();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent?.startsWith("bulk") ? actionData : undefined;
  const [form, fields] = useAppForm({
    id: "bulk",
    lastResult: useDetailMessages(mine?.result),
    defaultValue: { hallId, rows: "2", cols: "6", startX: "1", startY: "1", w: "3", h: "3", aisleEvery: "2", codePattern: "A-{nn}" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BulkSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const rows = Number(fields.rows.value);
  const cols = Number(fields.cols.value);
  const preview = mine && "preview" in mine ? mine.preview : null;
  const locale = i18n.language === "en" ? "en" : "id";
  return (
    <Form method="post" {...getFormProps(form)} className="bulk-form">
      <FormErrors errors={form.errors} />
      <SelectField meta={fields.hallId} label={t("booths.hall")} options={halls.map((h) => ({ value: h.id, label: h.name }))} />
      <fieldset>
        <legend>{t("booths.bulk.grid")}</legend>
        <div className="fields-inline">
          <Field meta={fields.rows} label={t("booths.bulk.rows")} type="number" inputMode="numeric" />
          <Field meta={fields.cols} label={t("booths.bulk.cols")} type="number" inputMode="numeric" />
          <Field meta={fields.startX} label={t("booths.bulk.start_x")} type="number" inputMode="numeric" />
          <Field meta={fields.startY} label={t("booths.bulk.start_y")} type="number" inputMode="numeric" />
        </div>
        <div className="fields-inline">
          <Field meta={fields.w} label={t("booths.bulk.w")} type="number" inputMode="numeric" />
          <Field meta={fields.h} label={t("booths.bulk.h")} type="number" inputMode="numeric" />
          <Field meta={fields.aisleEvery} label={t("booths.bulk.aisle_every")} type="number" inputMode="numeric" optional />
          <Field meta={fields.aisleWidth} label={t("booths.bulk.aisle_width")} type="number" inputMode="numeric" optional />
        </div>
        <p className="hint">{t("booths.bulk.grid_hint")}</p>
      </fieldset>
      <div className="fields-inline">
        <Field meta={fields.codePattern} label={t("booths.bulk.pattern")} hint={t("booths.bulk.pattern_hint")} />
        <Field meta={fields.sizeM2} label={t("booths.size_m2")} hint={t("booths.bulk.size_hint")} type="number" inputMode="numeric" optional />
      </div>
      <div className="fields-inline">
        <Field meta={fields.zone} label={t("booths.zone")} hint={t("booths.zone_hint")} optional />
        <Field meta={fields.price} label={t("booths.price")} hint={t("booths.bulk.price_hint")} inputMode="numeric" optional />
      </div>
      <p className="bulk-count" aria-live="polite">
        {rows > 0 && cols > 0 ? t("booths.bulk.count", { count: rows * cols }) : null}
      </p>
      {preview ? (
        <div className="booth-note booth-note-ok" role="status">
          {t("booths.bulk.preview", {
            count: preview.count, first: preview.booths[0]?.code, last: preview.booths.at(-1)?.code, size: preview.sizeM2,
            price: preview.priceIdr === "0" ? t("booths.free") : formatRupiah(preview.priceIdr, locale),
          })}
        </div>
      ) : null}
      <div className="form-actions row">
        <SubmitButton name="intent" value="bulk-preview" className="btn btn-secondary">{t("booths.bulk.preview_button")}</SubmitButton>
        <SubmitButton name="intent" value="bulk-create">{t("booths.bulk.create_button")}</SubmitButton>
      </div>
    </Form>
  );
}

function WindowForm({ parts, hasCall }: { parts: { opens: { date: string; time: string } | null; closes: { date: string; time: string } | null }; hasCall: boolean }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "window",
    lastResult: actionData?.intent === "set-window" || actionData?.intent === "clear-window" ? actionData.result : undefined,
    defaultValue: { opensDay: parts.opens?.date, opensTime: parts.opens?.time, closesDay: parts.closes?.date, closesTime: parts.closes?.time },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WindowSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!hasCall) return <p className="muted small">{t("booths.window_no_call")}</p>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <div className="fields-inline">
        <Field meta={fields.opensDay} label={t("booths.window_opens_day")} type="date" />
        <Field meta={fields.opensTime} label={t("booths.window_opens_time")} type="time" />
        <Field meta={fields.closesDay} label={t("booths.window_closes_day")} type="date" />
        <Field meta={fields.closesTime} label={t("booths.window_closes_time")} type="time" />
      </div>
      <div className="row">
        <SubmitButton name="intent" value="set-window">{t("booths.window_save")}</SubmitButton>
        {parts.opens ? <SubmitButton name="intent" value="clear-window" className="btn btn-secondary">{t("booths.window_clear")}</SubmitButton> : null}
      </div>
    </Form>
  );
}

export default function FloorPlan() {
  const { halls, plan, counts, call, table, canEdit, base, window, q, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const preview = actionData && "preview" in actionData ? (actionData.preview as { hallId: string; booths: BoothRect[] } | null) : null;
  const ghosts = preview && preview.hallId === plan?.hall.id ? preview.booths : undefined;
  return (
    <>
      <BoothsNav base={base} current="plan" />
      <p className="muted small">{t("booths.counts", counts)}</p>
      {halls.length === 0 ? (
        <EmptyState action={canEdit ? <Link className="btn" to={`${base}/venue`}>{t("booths.add_hall")}</Link> : null}>{t("booths.no_halls")}</EmptyState>
      ) : (
        <>
          {halls.length > 1 ? (
            <nav className="booth-subnav hall-tabs" aria-label={t("booths.halls")}>
              {halls.map((h) => <Link key={h.id} to={`?hall=${h.id}`} aria-current={h.id === plan?.hall.id ? "page" : undefined}>{h.name} ({h.boothCount})</Link>)}
            </nav>
          ) : null}
          {plan ? (
            <section className="card" aria-labelledby="map-heading">
              <h2 id="map-heading">{t("booths.map.title", { hall: plan.hall.name })}</h2>
              {plan.booths.length === 0 && !ghosts ? <EmptyState>{t("booths.no_booths")}</EmptyState> : (
                <>
                  <BoothMap title={t("booths.map.title", { hall: plan.hall.name })} description={t("booths.map.organizer_desc")}
                    extent={ghosts ? { width: Math.max(plan.extent.width, ...ghosts.map((g) => g.x + g.w + 1)), height: Math.max(plan.extent.height, ...ghosts.map((g) => g.y + g.h + 1)) } : plan.extent}
                    booths={plan.booths} ghosts={ghosts} showNames hrefFor={(b) => `${base}/floor-plan/booths/${b.id}`} />
                  <BoothMapLegend />
                  {ghosts ? <p className="small muted">{t("booths.bulk.ghost_note")}</p> : null}
                </>
              )}
            </section>
          ) : null}
          {plan && plan.booths.length > 0 ? (
            <section className="card" aria-labelledby="list-heading">
              <h2 id="list-heading">{t("booths.list_title")}</h2>
              <Form method="get" className="searchbar" role="search">
                <input type="hidden" name="hall" value={plan.hall.id} />
                <label htmlFor="booth-q" className="visually-hidden">{t("booths.search_label")}</label>
                <input id="booth-q" type="search" name="q" defaultValue={q} placeholder={t("booths.search_placeholder")} />
                <button type="submit" className="btn btn-secondary">{t("common.search")}</button>
              </Form>
              {table.rows.length === 0 ? <EmptyState>{t("booths.no_match", { q })}</EmptyState> : (
                <div className="table-wrap">
                  <table className="data responsive booth-table">
                    <thead><tr>
                      <th>{t("booths.booth")}</th><th>{t("booths.size")}</th><th>{t("booths.zone")}</th><th>{t("booths.price")}</th>
                      <th>{t("booths.position")}</th><th>{t("booths.neighbours")}</th><th>{t("booths.status_label")}</th>
                    </tr></thead>
                    <tbody>
                      {table.rows.map((b) => (
                        <tr key={b.id}>
                          <td className="bt-code" data-label={t("booths.booth")}><Link to={`${base}/floor-plan/booths/${b.id}`}><strong>{b.code}</strong></Link>{b.corner ? <span className="type-pill">{t("booths.corner")}</span> : null}</td>
                          <td className="bt-size" data-label={t("booths.size")}>{b.sizeM2} m²</td>
                          <td className="bt-zone" data-label={t("booths.zone")}>{b.zone || t("common.none")}</td>
                          <td className="bt-price" data-label={t("booths.price")}>{b.priceIdr === "0" ? t("booths.free") : formatRupiah(b.priceIdr, locale)}</td>
                          <td className="bt-pos" data-label={t("booths.position")}>{t("booths.position_value", { x: b.x, y: b.y, w: b.w, h: b.h })}</td>
                          <td className="bt-adj" data-label={t("booths.neighbours")}>{b.adjacent.join(", ") || t("common.none")}</td>
                          <td className="bt-status" data-label={t("booths.status_label")}><span className={`status-pill status-${b.status}`}>{t(`booths.status.${b.status}`)}</span>{b.exhibitorName ? ` ${b.exhibitorName}` : ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Pagination page={table.page} pageSize={table.pageSize} total={table.total} />
            </section>
          ) : null}
          {canEdit ? (
            <section className="card" aria-labelledby="bulk-heading">
              <h2 id="bulk-heading">{t("booths.bulk.title")}</h2>
              <p className="muted small">{t("booths.bulk.intro")}</p>
              <BulkForm key={`${plan?.hall.id}-${counts.total}`} halls={halls} hallId={plan?.hall.id ?? halls[0]!.id} />
            </section>
          ) : null}
        </>
      )}
      <section className="card" aria-labelledby="window-heading">
        <h2 id="window-heading">{t("booths.window_title")}</h2>
        <p>{window.opens ? t("booths.window_current", { opens: window.opens, closes: window.closes }) : t("booths.window_none")}</p>
        {call.sizes.length > 0 ? (
          <p className="small muted">{t("booths.sizes_line", { sizes: call.sizes.map((s) => `${s.sizeM2} m² (${s.feeIdr === "0" ? t("booths.free") : formatRupiah(s.feeIdr, locale)}, ${t("booths.staff_count", { count: s.staffLimit })})`).join(" · ") })}</p>
        ) : null}
        {canEdit ? <WindowForm parts={{ opens: window.opensParts, closes: window.closesParts }} hasCall={call.hasCall} /> : null}
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
