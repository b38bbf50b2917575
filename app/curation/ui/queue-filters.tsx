import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SECTORS, STATUS_FILTERS, type QueueQuery } from "../curation.schema";

/**
 * The queue's filters as a plain GET form: works without JavaScript, and every filtered view is a link
 * that can be bookmarked or shared. Changing a filter starts again at page 1.
 */
export function QueueFilters({ query, provinces, base }: { query: QueueQuery; provinces: string[]; base: string }) {
  const { t } = useTranslation();
  const provinceOptions = query.province && !provinces.includes(query.province) ? [...provinces, query.province] : provinces;
  return (
    <Form method="get" action={base} className="card filters" role="search" aria-label={t("curation.queue.filters")}>
      <div className="field">
        <label htmlFor="q">{t("curation.queue.search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="sector">{t("curation.queue.sector")}</label>
        <select id="sector" name="sector" defaultValue={query.sector ?? ""}>
          <option value="">{t("curation.queue.all_sectors")}</option>
          {SECTORS.map((s) => <option key={s} value={s}>{t(`curation.sectors.${s}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="province">{t("curation.queue.province")}</label>
        <select id="province" name="province" defaultValue={query.province ?? ""}>
          <option value="">{t("curation.queue.all_provinces")}</option>
          {provinceOptions.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="status">{t("curation.queue.status")}</label>
        <select id="status" name="status" defaultValue={query.status}>
          {STATUS_FILTERS.map((s) => <option key={s} value={s}>{t(`curation.queue.status_filters.${s}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort">{t("curation.queue.sort")}</label>
        <select id="sort" name="sort" defaultValue={query.sort}>
          <option value="newest">{t("curation.queue.sort_newest")}</option>
          <option value="score">{t("curation.queue.sort_score")}</option>
        </select>
      </div>
      <div className="filters-actions">
        <label className="check">
          <input type="checkbox" name="mine" value="unscored" defaultChecked={query.unscoredByMe} />
          {t("curation.queue.unscored")}
        </label>
        <button type="submit" className="btn">{t("curation.queue.apply")}</button>
        <Link to={base} className="btn btn-secondary">{t("curation.queue.reset")}</Link>
      </div>
    </Form>
  );
}
