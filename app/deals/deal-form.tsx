// "Catat transaksi": one form for sellers, buyers and organizers (phone-first). Product lines are added and
// removed as rows and the total is computed as you type, with the same exact rules as the server; a seller or
// an organizer may split an order over co-producers (consortium-panel.tsx).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import type { Producer } from "./consortium";
import { ConsortiumPanel, type SellerChoice } from "./consortium-panel";
import { DEAL_UNITS, lineTotal, parseQuantity } from "./deal-lines";
import { DealFormSchema, DOCUMENT_ACCEPT, EMPTY_LINE } from "./deal-form.schema";
import { canStartIn, DEAL_STATUSES, DEAL_TYPES, type DealType } from "./deal-status";
import { formatRupiah, parseRupiah } from "~/utils/money";
import type { Locale } from "~/utils/time";

export type DealFormProps = {
  side: "seller" | "buyer" | "organizer";
  sellers: SellerChoice[];
  buyers: Array<{ id: string; name: string; city: string }>;
  producers: Producer[];
  today: string;
  locale: Locale;
  prefill: { meetingId?: string; meetingLabel?: string; buyerId?: string; sellerId?: string; selfSellerId?: string; selfName?: string };
  lastResult: SubmissionResult<string[]> | undefined;
};

/** A line's total as typed, or null while quantity or price is not a valid number yet. */
function typedLineTotal(quantity: string | undefined, price: string | undefined): bigint | null {
  const q = parseQuantity(quantity ?? "");
  const p = parseRupiah(price ?? "");
  return q.ok && p.ok && p.value > 0n ? lineTotal(q.milli, p.value) : null;
}

export function DealForm({ side, sellers, buyers, producers, today, locale, prefill, lastResult }: DealFormProps) {
  const { t } = useTranslation();
  const firstSeller = side === "seller" ? prefill.selfSellerId ?? "" : prefill.sellerId ?? "";
  const [form, fields] = useAppForm({
    id: "deal-form",
    lastResult,
    defaultValue: {
      intent: "record", meetingId: prefill.meetingId ?? "", buyerMode: prefill.buyerId || buyers.length > 0 ? "registered" : "walk_in",
      buyerId: prefill.buyerId ?? "", sellers: [{ id: firstSeller, share: "" }], lines: [EMPTY_LINE], type: "on_site_sale", status: "agreed",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DealFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const lines = fields.lines.getFieldList();
  const typed = lines.map((l) => { const f = l.getFieldset(); return typedLineTotal(f.quantity.value, f.unitPrice.value); });
  const total = typed.every((v) => v !== null) ? typed.reduce((a, b) => a! + b!, 0n) : null;
  const type = (DEAL_TYPES as readonly string[]).includes(fields.type.value ?? "") ? (fields.type.value as DealType) : "on_site_sale";
  const walkIn = fields.buyerMode.value === "walk_in";
  const sellerRows = fields.sellers.getFieldList();
  const lead = sellerRows[0]!.getFieldset();
  const w = fields.walkInBuyer.getFieldset();
  const select = (meta: Parameters<typeof getSelectProps>[0]) => { const p = getSelectProps(meta); return { ...p, key: p.key }; };

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="stack deal-form" aria-labelledby="deal-form-title">
      <h2 id="deal-form-title">{t("deals.form.title")}</h2>
      <input type="hidden" name="intent" value="record" />
      <FormErrors errors={form.errors} />
      {prefill.meetingId ? (
        <p className="booth-note booth-note-ok">
          <input type="hidden" name={fields.meetingId.name} value={prefill.meetingId} />
          {t("deals.form.from_meeting", { label: prefill.meetingLabel ?? "" })}
        </p>
      ) : null}

      <fieldset className="card">
        <legend>{t("deals.form.buyer")}</legend>
        {side === "buyer" ? <p>{t("deals.form.buyer_self")}</p> : (
          <>
            <div className="row" role="radiogroup" aria-label={t("deals.form.buyer_mode")}>
              <label className="check"><input type="radio" name={fields.buyerMode.name} value="registered" defaultChecked={!walkIn} /> {t("deals.form.buyer_registered")}</label>
              <label className="check"><input type="radio" name={fields.buyerMode.name} value="walk_in" defaultChecked={walkIn} /> {t("deals.form.buyer_walk_in")}</label>
            </div>
            <div className="field" hidden={walkIn}>
              <label htmlFor={fields.buyerId.id}>{t("deals.form.buyer_pick")}</label>
              <select {...select(fields.buyerId)}>
                <option value="">{t("deals.form.choose")}</option>
                {buyers.map((b) => <option key={b.id} value={b.id}>{b.name}{b.city ? ` · ${b.city}` : ""}</option>)}
              </select>
              <ErrorList id={fields.buyerId.errorId} errors={fields.buyerId.errors} />
            </div>
            <div hidden={!walkIn} className="stack">
              {(["name", "city", "province"] as const).map((k) => {
                const p = getInputProps(w[k], { type: "text" });
                return (
                  <div className="field" key={k}>
                    <label htmlFor={w[k].id}>{t(`deals.form.walk_in_${k}`)}{k !== "name" ? <span className="muted small"> ({t("common.optional")})</span> : null}</label>
                    <input {...p} key={p.key} maxLength={k === "name" ? 200 : 100} autoComplete="off" />
                    <ErrorList id={w[k].errorId} errors={w[k].errors} />
                  </div>
                );
              })}
            </div>
          </>
        )}
      </fieldset>

      <fieldset className="card">
        <legend>{t("deals.form.seller")}</legend>
        {side === "seller" ? (
          <><input type="hidden" name={lead.id.name} value={prefill.selfSellerId} /><p>{prefill.selfName}</p></>
        ) : (
          <div className="field">
            <label htmlFor={lead.id.id}>{t("deals.form.seller_pick")}</label>
            <select {...select(lead.id)}>
              <option value="">{t("deals.form.choose")}</option>
              {sellers.map((s) => <option key={s.id} value={s.id}>{s.name}{s.city ? ` · ${s.city}` : ""}</option>)}
            </select>
          </div>
        )}
        <ErrorList id={fields.sellers.errorId} errors={fields.sellers.errors} />
      </fieldset>

      <fieldset className="card deal-lines">
        <legend>{t("deals.fields.lines")}</legend>
        <ErrorList id={fields.lines.errorId} errors={fields.lines.errors} />
        <ol className="deal-line-list">
          {lines.map((line, i) => {
            const f = line.getFieldset();
            const n = i + 1;
            return (
              <li key={line.key} className="deal-line" aria-label={t("deals.form.line", { n })}>
                <div className="field">
                  <label htmlFor={f.product.id}>{t("deals.form.line_product", { n })}</label>
                  <input {...getInputProps(f.product, { type: "text" })} key={f.product.key} maxLength={200} />
                  <ErrorList id={f.product.errorId} errors={f.product.errors} />
                </div>
                <div className="fields-inline">
                  <div className="field">
                    <label htmlFor={f.quantity.id}>{t("deals.form.line_quantity", { n })}</label>
                    <input {...getInputProps(f.quantity, { type: "text" })} key={f.quantity.key} inputMode="decimal" placeholder="2,5" />
                    <ErrorList id={f.quantity.errorId} errors={f.quantity.errors} />
                  </div>
                  <div className="field">
                    <label htmlFor={f.unit.id}>{t("deals.form.line_unit", { n })}</label>
                    <select {...select(f.unit)}>{DEAL_UNITS.map((u) => <option key={u} value={u}>{t(`deals.units.${u}`)}</option>)}</select>
                    <ErrorList id={f.unit.errorId} errors={f.unit.errors} />
                  </div>
                </div>
                <div className="field">
                  <label htmlFor={f.unitPrice.id}>{t("deals.form.line_price", { n })}</label>
                  <input {...getInputProps(f.unitPrice, { type: "text" })} key={f.unitPrice.key} inputMode="numeric" placeholder="1.250.000" />
                  <ErrorList id={f.unitPrice.errorId} errors={f.unitPrice.errors} />
                </div>
                <div className="row deal-line-foot">
                  <span className="small">{t("deals.form.line_total")}: <strong>{typed[i] !== null ? formatRupiah(typed[i]!, locale) : "—"}</strong></span>
                  {lines.length > 1 ? (
                    <button {...form.remove.getButtonProps({ name: fields.lines.name, index: i })} className="btn btn-secondary btn-small"
                      aria-label={t("deals.form.remove_line", { n })}>{t("deals.form.remove")}</button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <button {...form.insert.getButtonProps({ name: fields.lines.name, defaultValue: EMPTY_LINE })} className="btn btn-secondary btn-small">
          {t("deals.form.add_line")}
        </button>
        <p className="deal-total" aria-live="polite">{t("deals.form.total")}: <strong>{total !== null ? formatRupiah(total, locale) : "—"}</strong></p>
      </fieldset>

      <fieldset className="card">
        <legend>{t("deals.form.terms")}</legend>
        <div className="fields-inline">
          <div className="field">
            <label htmlFor={fields.type.id}>{t("deals.form.type")}</label>
            <select {...select(fields.type)}>{DEAL_TYPES.map((v) => <option key={v} value={v}>{t(`deals.types.${v}`)}</option>)}</select>
            <ErrorList id={fields.type.errorId} errors={fields.type.errors} />
          </div>
          <div className="field">
            <label htmlFor={fields.status.id}>{t("deals.form.status")}</label>
            <select {...select(fields.status)}>
              {DEAL_STATUSES.filter((s) => canStartIn(type, s)).map((v) => <option key={v} value={v}>{t(`deals.statuses.${v}`)}</option>)}
            </select>
            <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={fields.deliveryDate.id}>{t("deals.form.delivery_date")} <span className="muted small">({t("common.optional")})</span></label>
          <input {...getInputProps(fields.deliveryDate, { type: "date" })} key={fields.deliveryDate.key} min={today} />
          <ErrorList id={fields.deliveryDate.errorId} errors={fields.deliveryDate.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.note.id}>{t("deals.form.note")} <span className="muted small">({t("common.optional")})</span></label>
          <textarea {...getTextareaProps(fields.note)} key={fields.note.key} maxLength={1000} />
          <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
        </div>
      </fieldset>

      {side !== "buyer" ? (
        <ConsortiumPanel form={form} fields={fields} sellers={sellers} producers={producers} today={today} side={side} />
      ) : null}

      <fieldset className="card">
        <legend>{t("deals.form.document")}</legend>
        <div className="field">
          <label htmlFor={fields.document.id}>{t("deals.form.document_label")} <span className="muted small">({t("common.optional")})</span></label>
          <p id={`${fields.document.id}-hint`} className="hint">{t("deals.form.document_hint")}</p>
          <input {...getInputProps(fields.document, { type: "file", ariaDescribedBy: `${fields.document.id}-hint` })} key={fields.document.key} accept={DOCUMENT_ACCEPT} />
          <ErrorList id={fields.document.errorId} errors={fields.document.errors} />
        </div>
      </fieldset>
      <div><SubmitButton>{t("deals.form.submit")}</SubmitButton></div>
    </Form>
  );
}
