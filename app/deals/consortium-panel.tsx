// Consortium orders in the deal form (seed 002: a producer who can make only 100 shares a 1,000 order): the
// co-producers and each one's share, their spare capacity for the delivery window, same-sector suggestions with
// spare capacity, and the over-capacity warning with its confirmation. Computed live with consortium.ts; the
// server checks the same rules again (recordDeal).
import type { FormMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { ErrorList } from "~/components/forms";
import { proposeShares, spareCapacity, suggestProducers, validateOrder, type Producer } from "./consortium";
import { parseQuantity } from "./deal-lines";
import type { DealFormSchema } from "./deal-form.schema";

export type SellerChoice = { id: string; name: string; city: string; sector: string };
type DealFormMeta = FormMetadata<z.input<typeof DealFormSchema>, string[]>;

/** Whole units of all typed lines together, or null when a line is not a valid quantity or is fractional. */
function typedUnits(quantities: Array<string | undefined>): number | null {
  let milli = 0n;
  for (const q of quantities) {
    const parsed = parseQuantity(q ?? "");
    if (!parsed.ok) return null;
    milli += parsed.milli;
  }
  return milli > 0n && milli % 1000n === 0n ? Number(milli / 1000n) : null;
}

const shareOf = (s: string | undefined) => { const d = (s ?? "").replace(/[\s.]/g, ""); return /^\d{1,9}$/.test(d) ? Number(d) : 0; };

export function ConsortiumPanel({ form, fields, sellers, producers, today, side }: {
  form: DealFormMeta; fields: ReturnType<DealFormMeta["getFieldset"]>; sellers: SellerChoice[]; producers: Producer[]; today: string;
  side: "seller" | "organizer";
}) {
  const { t } = useTranslation();
  const rows = fields.sellers.getFieldList();
  const ids = rows.map((r) => r.getFieldset().id.value ?? "");
  const units = typedUnits(fields.lines.getFieldList().map((l) => l.getFieldset().quantity.value));
  const lead = sellers.find((s) => s.id === ids[0]);
  const end = fields.deliveryDate.value ?? "";
  const order = { sector: (lead?.sector ?? "batik_tulis") as Producer["sector"], quantity: units ?? 0, window: { start: today, end } };
  const valid = Boolean(lead) && units !== null && validateOrder(order).ok;
  const byId = new Map(producers.map((p) => [p.id, p]));
  const capacities = rows.map((_, i) => {
    const p = byId.get(ids[i]!);
    return valid && p && p.monthlyCapacity !== null ? spareCapacity(p, order.window) : null;
  });
  const shares = rows.map((r) => shareOf(r.getFieldset().share.value));
  const consortium = rows.length > 1;
  const anyOver = consortium && capacities.some((c, i) => c !== null && shares[i]! > c.spare);
  const sum = shares.reduce((a, b) => a + b, 0);
  const chosen = new Set(ids.filter(Boolean));
  const suggestions = valid ? suggestProducers(order, producers).filter((c) => !chosen.has(c.producerId)).slice(0, 5) : [];
  const nameOf = (id: string) => sellers.find((s) => s.id === id)?.name ?? "";
  const remaining = Math.max(0, (units ?? 0) - sum);

  function splitAutomatically() {
    const candidates = ids.filter(Boolean).map((id) => spareCapacity(byId.get(id) ?? { id, name: nameOf(id), sector: order.sector, monthlyCapacity: null, commitments: [] }, order.window));
    const proposed = proposeShares(order, candidates, ids[0]);
    form.update({ name: fields.sellers.name, value: ids.map((id) => ({ id, share: String(proposed.find((s) => s.producerId === id)?.quantity ?? 0) })) });
  }

  const showConfirm = anyOver || Boolean(fields.confirmOverCapacity.errors?.length);
  return (
    <details className="card consortium" open={consortium || showConfirm || undefined}>
      <summary><strong>{t("deals.consortium.title")}</strong> <span className="small muted">{t("deals.form.consortium_summary")}</span></summary>
      <p className="small muted">{t("deals.consortium.rule")}</p>
      {!valid ? <p className="small booth-note">{t("deals.form.consortium_needs")}</p> : (
        <p className="small">{t("deals.form.consortium_order", { units, start: today, end })}</p>
      )}
      <ol className="consortium-rows">
        {rows.map((row, i) => {
          const f = row.getFieldset();
          const cap = capacities[i];
          const excess = cap ? Math.max(0, shares[i]! - cap.spare) : 0;
          const sp = getInputProps(f.share, { type: "text" });
          return (
            <li key={row.key} className="consortium-row">
              {i === 0 ? <p><strong>{lead?.name ?? t("deals.form.lead_producer")}</strong> <span className="small muted">({t("deals.form.lead_producer")})</span></p> : (
                <div className="field">
                  <label htmlFor={f.id.id}>{t("deals.form.co_producer", { n: i })}</label>
                  {(() => { const p = getSelectProps(f.id); return (
                    <select {...p} key={p.key}>
                      <option value="">{t("deals.form.choose")}</option>
                      {sellers.filter((s) => s.id !== ids[0]).map((s) => <option key={s.id} value={s.id}>{s.name}{s.city ? ` · ${s.city}` : ""}</option>)}
                    </select>
                  ); })()}
                </div>
              )}
              {consortium ? (
                <div className="field">
                  <label htmlFor={f.share.id}>{t("deals.form.share_of", { name: i === 0 ? lead?.name ?? "" : nameOf(ids[i]!) || t("deals.form.co_producer", { n: i }) })}</label>
                  <input {...sp} key={sp.key} inputMode="numeric" />
                </div>
              ) : null}
              <p className="small muted">
                {cap ? t("deals.form.spare", { spare: cap.spare, capacity: cap.capacity }) : ids[i] ? t("deals.form.no_capacity") : ""}
                {excess > 0 ? <> · <span className="field-error" role="status">{t("deals.consortium.over_capacity", { excess })}</span></> : null}
              </p>
              {i > 0 ? (
                <button {...form.remove.getButtonProps({ name: fields.sellers.name, index: i })} className="btn btn-secondary btn-small"
                  aria-label={t("deals.form.remove_producer", { n: i })}>{t("deals.form.remove")}</button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {consortium ? <p className="small" aria-live="polite">{t("deals.form.shares_sum", { sum, units: units ?? "—" })}</p> : null}
      <div className="row">
        {side === "seller" || ids[0] ? (
          <button {...form.insert.getButtonProps({ name: fields.sellers.name, defaultValue: { id: "", share: "" } })} className="btn btn-secondary btn-small">
            {t("deals.form.add_producer")}
          </button>
        ) : null}
        {consortium && valid ? <button type="button" className="btn btn-secondary btn-small" onClick={splitAutomatically}>{t("deals.form.split")}</button> : null}
      </div>
      {suggestions.length ? (
        <section aria-labelledby="suggest-title">
          <h3 id="suggest-title" className="small">{t("deals.form.suggestions")}</h3>
          <ul className="consortium-suggestions">
            {suggestions.map((c) => (
              <li key={c.producerId} className="row">
                <span>{c.name} · <span className="small muted">{t("deals.form.spare", { spare: c.spare, capacity: c.capacity })}</span></span>
                <button {...form.insert.getButtonProps({ name: fields.sellers.name, defaultValue: { id: c.producerId, share: String(Math.min(c.spare, remaining) || "") } })}
                  className="btn btn-secondary btn-small" aria-label={t("deals.form.add_named", { name: c.name })}>{t("common.add")}</button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {showConfirm ? (
        <div className="booth-note booth-note-warn">
          <p>{t("deals.errors.over_capacity_unconfirmed")}</p>
          <label className="check"><input type="checkbox" name={fields.confirmOverCapacity.name} id={fields.confirmOverCapacity.id} /> {t("deals.consortium.confirm_over")}</label>
        </div>
      ) : null}
      <ErrorList id={fields.confirmOverCapacity.errorId} errors={fields.confirmOverCapacity.errors} />
    </details>
  );
}
