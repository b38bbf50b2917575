// Small pieces shared by the badge pages: pills, the list's filter form, the print form and the help text.
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BADGE_KINDS, BADGE_STATUSES } from "./badge.schema";
import { PRINT_LAYOUTS, type BadgeQuery } from "./badge-forms.schema";
import { FilterSelect } from "~/components/forms";

export function KindPill({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <span className={`kind-pill kind-${kind}`}>{t(`badges.kinds.${kind}`)}</span>;
}

export function StatusPill({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`badges.statuses.${status}`)}</span>;
}

/** The list's filters as a GET form: every filtered view is a shareable link; a change starts at page 1. */
export function BadgeFilters({ query, base }: { query: BadgeQuery; base: string }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action={base} className="card filters" role="search" aria-label={t("badges.list.filters")}>
      <div className="field">
        <label htmlFor="q">{t("badges.list.search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder={t("badges.list.search_hint")} />
      </div>
      <FilterSelect id="kind" name="kind" label={t("badges.fields.kind")} value={query.kind} allLabel={t("badges.list.all_kinds")}
        options={BADGE_KINDS.map((k) => ({ value: k, label: t(`badges.kinds.${k}`) }))} />
      <FilterSelect id="status" name="status" label={t("badges.fields.status")} value={query.status} allLabel={t("badges.list.all_statuses")}
        options={BADGE_STATUSES.map((s) => ({ value: s, label: t(`badges.statuses.${s}`) }))} />
      <div className="filters-actions">
        <label className="check"><input type="checkbox" name="unprinted" value="1" defaultChecked={query.unprinted} />{t("badges.list.unprinted")}</label>
        <button type="submit" className="btn">{t("badges.list.apply")}</button>
        <Link to={base} className="btn btn-secondary">{t("badges.list.reset")}</Link>
      </div>
    </Form>
  );
}

/** Bulk print: a layout and which badges (the current filter, not yet printed, one kind, one organization). */
export function PrintForm({ action, search, organizations }: { action: string; search: string; organizations: string[] }) {
  const { t } = useTranslation();
  const [selection, setSelection] = useState("unprinted");
  return (
    <Form method="post" action={action} reloadDocument className="card" aria-labelledby="print-heading">
      <h3 id="print-heading">{t("badges.print.heading")}</h3>
      <p className="muted small">{t("badges.print.intro")}</p>
      <input type="hidden" name="back" value={search} />
      <fieldset>
        <legend>{t("badges.print.which")}</legend>
        {(["unprinted", "filter", "kind", "organization"] as const).map((s) => (
          <label key={s} className="check" style={{ display: "flex" }}>
            <input type="radio" name="selection" value={s} checked={selection === s} onChange={() => setSelection(s)} />
            {t(`badges.print.selection.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="fields-inline">
        <div className="field">
          <label htmlFor="print-kind">{t("badges.fields.kind")}</label>
          <select id="print-kind" name="kind" defaultValue="visitor">
            {BADGE_KINDS.map((k) => <option key={k} value={k}>{t(`badges.kinds.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="print-org">{t("badges.print.organization")}</label>
          <input id="print-org" name="organization" type="text" list="print-orgs" maxLength={160} />
          <datalist id="print-orgs">{organizations.map((o) => <option key={o} value={o} />)}</datalist>
        </div>
        <div className="field">
          <label htmlFor="print-layout">{t("badges.print.layout")}</label>
          <select id="print-layout" name="layout" defaultValue="a4-4up">
            {PRINT_LAYOUTS.map((l) => <option key={l} value={l}>{t(`badges.print.layouts.${l}`)}</option>)}
          </select>
        </div>
      </div>
      <button type="submit" className="btn">{t("badges.print.submit")}</button>
    </Form>
  );
}

export function BadgeHelp() {
  const { t } = useTranslation();
  return (
    <details className="card">
      <summary><strong>{t("badges.help.title")}</strong></summary>
      <ul className="small">
        {(["codes", "reissue", "status", "print", "delivery"] as const).map((k) => <li key={k}>{t(`badges.help.${k}`)}</li>)}
      </ul>
    </details>
  );
}
