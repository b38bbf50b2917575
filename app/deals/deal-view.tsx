// One deal's page, for its parties and the organizer: what was sold, by whom to whom, the status and its history,
// the confirmation by the other side (or the organizer's verification), and the signed document.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, SubmitButton, useAppForm } from "~/components/forms";
import { DOCUMENT_ACCEPT, DocumentFormSchema } from "./deal-form.schema";
import type { PresentedDeal } from "./deal-present";
import { nextStatuses, type DealParty, type DealStatus, type DealType } from "./deal-status";

export function StatusBadges({ status, confirmation }: { status: string; confirmation: string }) {
  const { t } = useTranslation();
  return (
    <span className="row deal-badges">
      <span className={`badge ${status === "cancelled" ? "badge-muted" : status === "paid" ? "badge-ok" : ""}`}>{t(`deals.statuses.${status}`)}</span>
      <span className={`badge ${confirmation === "unconfirmed" ? "badge-warn" : "badge-ok"}`}>{t(`deals.confirmations.${confirmation}`)}</span>
    </span>
  );
}

function DocumentForm() {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({ id: "deal-document", onValidate: ({ formData }) => parseWithZod(formData, { schema: DocumentFormSchema }), shouldValidate: "onSubmit" });
  const p = getInputProps(fields.document, { type: "file", ariaDescribedBy: `${fields.document.id}-hint` });
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value="document" />
      <div className="field">
        <label htmlFor={fields.document.id}>{t("deals.form.document_label")}</label>
        <p id={`${fields.document.id}-hint`} className="hint">{t("deals.form.document_hint")}</p>
        <input {...p} key={p.key} accept={DOCUMENT_ACCEPT} />
        <ErrorList id={fields.document.errorId} errors={fields.document.errors} />
      </div>
      <div><SubmitButton className="btn btn-secondary btn-small">{t("deals.detail.upload")}</SubmitButton></div>
    </Form>
  );
}

function Actions({ deal, side }: { deal: PresentedDeal; side: DealParty }) {
  const { t } = useTranslation();
  const next = nextStatuses(deal.type as DealType, deal.status as DealStatus);
  const canConfirm = deal.status !== "cancelled" && (side === "organizer"
    ? deal.confirmation !== "verified"
    : deal.confirmation === "unconfirmed" && deal.enteredBy !== side);
  const waiting = side !== "organizer" && deal.confirmation === "unconfirmed" && deal.enteredBy === side;
  return (
    <section className="card no-print" aria-labelledby="deal-actions-title">
      <h2 id="deal-actions-title">{t("deals.detail.actions")}</h2>
      {canConfirm ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <p className="small muted">{t(side === "organizer" ? "deals.detail.verify_hint" : "deals.detail.confirm_hint")}</p>
          <SubmitButton>{t(side === "organizer" ? "deals.detail.verify" : "deals.detail.confirm")}</SubmitButton>
        </Form>
      ) : null}
      {waiting ? <p className="small booth-note">{t("deals.detail.waiting")}</p> : null}
      {next.filter((s) => s !== "cancelled").length ? (
        <Form method="post" className="row" aria-label={t("deals.detail.change_status")}>
          <input type="hidden" name="intent" value="status" />
          <span className="small">{t("deals.detail.change_status")}:</span>
          {next.filter((s) => s !== "cancelled").map((s) => (
            <SubmitButton key={s} name="to" value={s} className="btn btn-secondary btn-small">{t(`deals.statuses.${s}`)}</SubmitButton>
          ))}
        </Form>
      ) : null}
      {next.includes("cancelled") ? (
        <details className="confirm">
          <summary className="btn btn-secondary btn-small" role="button">{t("deals.detail.cancel")}</summary>
          <div className="confirm-box">
            <p style={{ margin: "0 0 .5rem" }}>{t("deals.detail.cancel_confirm")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="status" />
              <button type="submit" name="to" value="cancelled" className="btn btn-danger btn-small">{t("deals.detail.cancel_yes")}</button>
            </Form>
          </div>
        </details>
      ) : null}
      <div className="deal-document-form">
        <h3>{t("deals.detail.document")}</h3>
        <DocumentForm />
      </div>
    </section>
  );
}

/** The deal page; `canChange` is false for organizer members who may only look. */
export function DealView({ deal, side, canChange, documentUrl }: { deal: PresentedDeal; side: DealParty; canChange: boolean; documentUrl: string }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="card" aria-labelledby="deal-title">
        <h2 id="deal-title">{t("deals.detail.title", { buyer: deal.buyer.name })}</h2>
        <StatusBadges status={deal.status} confirmation={deal.confirmation} />
        <dl className="deal-facts">
          <dt>{t("deals.detail.total")}</dt><dd><strong className="deal-amount">{deal.total}</strong></dd>
          <dt>{t("deals.form.type")}</dt><dd>{t(`deals.types.${deal.type}`)}</dd>
          <dt>{t("deals.detail.day")}</dt><dd>{deal.day}</dd>
          <dt>{t("deals.form.delivery_date")}</dt><dd>{deal.delivery ?? "—"}</dd>
          <dt>{t("deals.detail.entered_by")}</dt><dd>{t(`deals.parties.${deal.enteredBy}`)}</dd>
          {deal.meeting ? <><dt>{t("deals.detail.meeting")}</dt><dd>{deal.meeting}</dd></> : null}
          <dt>{t("deals.detail.document")}</dt>
          <dd>{deal.hasDocument ? <a href={documentUrl}>{deal.documentName ?? t("deals.detail.open_document")}</a> : t("deals.detail.no_document")}</dd>
        </dl>
        {deal.note ? <p className="deal-note">{deal.note}</p> : null}
      </section>
      <section className="card" aria-labelledby="deal-lines-title">
        <h2 id="deal-lines-title">{t("deals.fields.lines")}</h2>
        <div className="table-wrap">
          <table className="data responsive">
            <thead><tr>{(["product", "quantity", "unitPrice"] as const).map((c) => <th key={c} scope="col">{t(`deals.fields.${c}`)}</th>)}<th scope="col">{t("deals.form.line_total")}</th></tr></thead>
            <tbody>
              {deal.lines.map((l) => (
                <tr key={l.position}>
                  <td data-label={t("deals.fields.product")}>{l.product}</td>
                  <td data-label={t("deals.fields.quantity")}>{l.quantity} {t(`deals.units.${l.unit}`)}</td>
                  <td data-label={t("deals.fields.unitPrice")}>{l.unitPrice}</td>
                  <td data-label={t("deals.form.line_total")}>{l.lineTotal}</td>
                </tr>
              ))}
            </tbody>
            <tfoot><tr><th scope="row" colSpan={3}>{t("deals.detail.total")}</th><td><strong>{deal.total}</strong></td></tr></tfoot>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="deal-parties-title">
        <h2 id="deal-parties-title">{t("deals.detail.parties")}</h2>
        <h3>{t("deals.form.buyer")}</h3>
        <p>{deal.buyer.name}{deal.buyer.region ? <span className="muted"> · {deal.buyer.region}</span> : null}
          {!deal.buyer.registered ? <span className="small muted"> ({t("deals.detail.walk_in")})</span> : null}</p>
        <h3>{deal.sellers.length > 1 ? t("deals.detail.sellers_consortium") : t("deals.form.seller")}</h3>
        <ul className="deal-sellers">
          {deal.sellers.map((s, i) => (
            <li key={s.id}>
              <strong>{s.name}</strong>{i === 0 && deal.sellers.length > 1 ? <span className="small muted"> ({t("deals.form.lead_producer")})</span> : null}
              {s.region ? <span className="muted"> · {s.region}</span> : null}
              {deal.sellers.length > 1 ? <><br /><span className="small">{t("deals.detail.share", { quantity: s.shareQuantity ?? "—", value: s.shareValue })}</span></> : null}
            </li>
          ))}
        </ul>
      </section>
      {canChange ? <Actions deal={deal} side={side} /> : null}
      <section className="card" aria-labelledby="deal-history-title">
        <h2 id="deal-history-title">{t("deals.detail.history")}</h2>
        <ol className="deal-history">
          {deal.history.map((h) => (
            <li key={h.id}>
              <span className="small muted">{h.at}</span>{" "}
              {h.from === null ? t("deals.history.recorded", { status: t(`deals.statuses.${h.to}`) })
                : h.from === h.to ? t("deals.history.confirmation", { confirmation: t(`deals.confirmations.${h.confirmation ?? "confirmed"}`) })
                : t("deals.history.status", { from: t(`deals.statuses.${h.from}`), to: t(`deals.statuses.${h.to}`) })}
              {" "}<span className="small muted">({t(`deals.parties.${h.party}`)}{h.by ? `: ${h.by}` : ""})</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
