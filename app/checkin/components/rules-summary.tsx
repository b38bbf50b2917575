import { useTranslation } from "react-i18next";
import type { ListRules } from "../gates.server";
import { formatShortDate, formatTime } from "~/utils/time";

/** A check-in list's rules in plain words: who, which days, when, and how often. */
export function RulesSummary({ rules, timeZone }: { rules: ListRules; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const at = (iso: string) => `${formatShortDate(iso, timeZone, locale)} ${formatTime(iso, timeZone, locale)}`;
  const day = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  const who = rules.kinds ? rules.kinds.map((k) => t(`gate.kinds.${k}`)).join(", ") : t("gate.lists.summary.every_kind");
  const days = rules.days ? rules.days.map(day).join(", ") : t("gate.lists.summary.every_day");
  const when = rules.opensAt && rules.closesAt ? t("gate.lists.summary.window", { from: at(rules.opensAt), to: at(rules.closesAt) })
    : rules.opensAt ? t("gate.lists.summary.from", { from: at(rules.opensAt) })
    : rules.closesAt ? t("gate.lists.summary.until", { to: at(rules.closesAt) })
    : t("gate.lists.summary.always_open");
  const how = [
    rules.allowMultipleEntries ? t("gate.lists.summary.multiple") : t("gate.lists.summary.single"),
    !rules.allowMultipleEntries && rules.allowEntryAfterExit ? t("gate.lists.summary.reentry") : null,
    rules.includePending ? t("gate.lists.summary.pending") : null,
    rules.maxEntriesPerDay ? t("gate.lists.summary.per_day", { count: rules.maxEntriesPerDay }) : null,
    rules.maxEntriesTotal ? t("gate.lists.summary.total", { count: rules.maxEntriesTotal }) : null,
  ].filter(Boolean).join(", ");
  return (
    <p className="small rules-summary">
      <strong>{who}</strong> · {days} · {when}.<br />
      {how}.
    </p>
  );
}
