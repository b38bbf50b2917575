import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { assignBooth, setBoothPreference } from "~/booths/assign.server";
import { PickSchema, PreferSchema } from "~/booths/booth.schema";
import { loadExhibitorBooth } from "~/booths/exhibitor-booth.server";
import { cleanQuery, MAX_PREFERENCES } from "~/booths/floor-plan";
import { BoothMap, BoothMapLegend, type MapBoothView } from "~/components/booth-map";
import { FormErrors, SubmitButton } from "~/components/forms";
import { EmptyState } from "~/components/ui";
import { requireOwnApplication } from "~/exhibitors/access.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatTime } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Stan saya · Pendopo" }];

/** Only an accepted application has a booth page; any other (or another exhibitor's) is not found. */
async function requireAccepted(request: Request, applicationId: string | undefined) {
  const own = await requireOwnApplication(request, applicationId);
  if (own.application.status !== "accepted") throw new Response("Not found", { status: 404 });
  return own;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application, event } = await requireAccepted(request, params.applicationId);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const view = await loadExhibitorBooth(await getDb(), {
    eventId: event.id, applicationId: application.id, hallId: url.searchParams.get("hall"), boothCode: cleanQuery(url.searchParams.get("booth"), 20) || null, now: new Date(),
  });
  const at = (d: Date | null) => (d ? `${formatDate(d, event.timeZone, locale)} ${formatTime(d, event.timeZone, locale)}` : "");
  const wanted = cleanQuery(url.searchParams.get("booth"), 20).toLowerCase();
  const selected = wanted ? view.plan?.booths.find((b) => b.code.toLowerCase() === wanted) ?? null : null;
  return {
    ...view, selected, locale,
    application: { id: application.id, sizeM2: application.preferredSizeM2 },
    event: { name: event.name, slug: event.slug },
    windowText: { opens: at(view.window.opensAt), closes: at(view.window.closesAt) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application, event } = await requireAccepted(request, params.applicationId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const submission = parseForm(form, { schema: (intent === "pick" ? PickSchema : PreferSchema) as z.ZodType });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value as z.infer<typeof PickSchema> | z.infer<typeof PreferSchema>;
  const db = await getDb();
  const here = `/exhibitor/applications/${application.id}/booth`;
  if (v.intent === "pick") {
    const res = await assignBooth(db, { eventId: event.id, applicationId: application.id, boothId: v.boothId, method: "self", by: user.id, now: new Date(), appUrl: getEnv().APP_URL });
    if (!res.ok) {
      if (res.reason === "not_accepted" || res.reason === "application_not_found") throw new Response("Not found", { status: 404 });
      return data({ result: submission.reply({ formErrors: [`booths.${res.reason}|${res.detail ?? ""}`] }) }, { status: 409 });
    }
    return redirectWithToast(here, { type: "success", key: "booths.picked_toast", params: { code: res.value.boothCode } });
  }
  const res = await setBoothPreference(db, { eventId: event.id, applicationId: application.id, boothId: v.boothId, on: v.intent === "prefer" });
  if (!res.ok) {
    if (res.reason === "not_accepted") throw new Response("Not found", { status: 404 });
    return data({ result: submission.reply({ formErrors: [`booths.${res.reason}|`] }) }, { status: 409 });
  }
  return redirectWithToast(here, { type: "success", key: v.intent === "prefer" ? "booths.preferred_toast" : "booths.unpreferred_toast" });
}

function useFormErrors() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const messages: string[] | null | undefined = actionData?.result?.error?.[""];
  return messages?.map((m) => {
    const [key, code] = m.split("|");
    return t(key!, { code: code ?? "" });
  }) ?? null;
}

export default function MyBooth() {
  const { mine, invoice, preferences, window, windowText, halls, plan, selected, application, event, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const errors = useFormErrors();
  const money = (v: string) => (v === "0" ? t("booths.free") : formatRupiah(v, locale));
  const open = window.state === "open";
  const canChoose = (b: MapBoothView) => !mine && b.status === "available" && application.sizeM2 === b.sizeM2;
  const href = (b: MapBoothView) => (canChoose(b) ? `?hall=${plan?.hall.id}&booth=${encodeURIComponent(b.code)}#pick` : null);
  const preferred = selected ? preferences.some((p) => p.id === selected.id) : false;
  const freeHere = (plan?.booths ?? []).filter(canChoose);
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={`/exhibitor/applications/${application.id}`}>← {t("booths.my.back")}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t("booths.my.title")}</h1>
          <span className="muted small">{event.name}</span>
        </div>
      </div>
      <FormErrors errors={errors} />
      {mine ? (
        <section className="card my-booth" aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t("booths.my.yours", { code: mine.code })}</h2>
          <dl className="booth-facts">
            <dt>{t("booths.hall")}</dt><dd>{mine.hallName}</dd>
            <dt>{t("booths.size")}</dt><dd>{mine.sizeM2} m²</dd>
            {mine.zone ? <><dt>{t("booths.zone")}</dt><dd>{mine.zone}</dd></> : null}
            <dt>{t("booths.fee")}</dt><dd>{money(mine.feeIdr)}</dd>
          </dl>
          {invoice ? (
            <div className={`invoice-box invoice-box-${invoice.status}`}>
              <p><strong>{t("booths.invoice_number")}: {invoice.number}</strong> · {formatRupiah(invoice.amountIdr, locale)} ·{" "}
                <span className={`status-pill invoice-${invoice.status}`}>{t(`booths.invoice_status.${invoice.status}`)}</span></p>
              <p className="small" style={{ margin: 0 }}>{invoice.status === "paid" ? t("booths.my.paid_note", { reference: invoice.paidReference }) : t("booths.my.pay_note")}</p>
            </div>
          ) : null}
          <div className="row">
            <Link className="btn" to={`/exhibitor/applications/${application.id}/staff`}>{t("booths.my.staff_link")}</Link>
            <Link className="btn btn-secondary" to={`/e/${event.slug}/map?booth=${encodeURIComponent(mine.code)}`}>{t("booths.my.public_map")}</Link>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="choose-heading">
          <h2 id="choose-heading">{t("booths.my.choose_title")}</h2>
          <p>{application.sizeM2 === null ? t("booths.my.no_size") : t(`booths.my.window.${window.state}`, { opens: windowText.opens, closes: windowText.closes, size: application.sizeM2 })}</p>
          {preferences.length > 0 ? <p className="small">{t("booths.my.preferences", { codes: preferences.map((p) => p.code).join(", ") })}</p> : null}
        </section>
      )}
      {!mine && selected && canChoose(selected) ? (
        <section id="pick" className="card pick-panel" aria-labelledby="pick-heading" aria-live="polite" tabIndex={-1}>
          <h2 id="pick-heading">{t("booths.map.booth_name", { code: selected.code })}</h2>
          <p>{selected.sizeM2} m²{selected.zone ? ` · ${t("booths.map.zone_name", { zone: selected.zone })}` : ""}{selected.corner ? ` · ${t("booths.corner")}` : ""} · {money(selected.priceIdr)}</p>
          <div className="row">
            {open ? (
              <Form method="post">
                <input type="hidden" name="boothId" value={selected.id} />
                <SubmitButton name="intent" value="pick">{t("booths.my.take", { code: selected.code })}</SubmitButton>
              </Form>
            ) : null}
            {preferred || preferences.length < MAX_PREFERENCES ? (
              <Form method="post">
                <input type="hidden" name="boothId" value={selected.id} />
                <SubmitButton name="intent" value={preferred ? "unprefer" : "prefer"} className="btn btn-secondary">
                  {preferred ? t("booths.my.unprefer") : t("booths.my.prefer")}
                </SubmitButton>
              </Form>
            ) : <p className="small muted">{t("booths.too_many_preferences")}</p>}
          </div>
          {open ? <p className="small muted">{t("booths.my.take_note")}</p> : null}
        </section>
      ) : null}
      {halls.length > 1 ? (
        <nav className="booth-subnav hall-tabs" aria-label={t("booths.halls")}>
          {halls.map((h) => <Link key={h.id} to={`?hall=${h.id}`} aria-current={h.id === plan?.hall.id ? "page" : undefined}>{h.name}</Link>)}
        </nav>
      ) : null}
      {plan ? (
        <section className="card" aria-labelledby="map-heading">
          <h2 id="map-heading">{t("booths.map.title", { hall: plan.hall.name })}</h2>
          {plan.booths.length === 0 ? <EmptyState>{t("booths.no_booths_public")}</EmptyState> : (
            <>
              <BoothMap title={t("booths.map.title", { hall: plan.hall.name })}
                description={mine ? t("booths.map.mine_desc", { code: mine.code }) : t("booths.map.exhibitor_desc", { size: application.sizeM2 ?? "–" })}
                extent={plan.extent} booths={plan.booths} highlightCode={mine?.code ?? selected?.code} hrefFor={href}
                isDimmed={(b) => !mine && b.status === "available" && b.sizeM2 !== application.sizeM2} />
              <BoothMapLegend withDimmed={!mine} withHighlight highlightLabel={mine ? t("booths.map.your_booth") : t("booths.map.selected")} />
              {!mine && freeHere.length > 0 ? (
                <>
                  <h3>{t("booths.my.free_list", { count: freeHere.length, size: application.sizeM2 })}</h3>
                  <ul className="booth-chips">
                    {freeHere.map((b) => (
                      <li key={b.id}><Link to={href(b)!} aria-current={selected?.id === b.id ? "true" : undefined}>{b.code}{b.zone ? <span className="muted small">{b.zone}</span> : null}</Link></li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )}
        </section>
      ) : <EmptyState>{t("booths.no_booths_public")}</EmptyState>}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
