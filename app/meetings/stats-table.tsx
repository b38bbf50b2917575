// The organizer's matchmaking numbers as accessible tables (a caption, headers, one row per group).
import { useTranslation } from "react-i18next";
import type { StatRow } from "./stats.server";

const COLUMNS = ["requests", "accepted", "scheduled", "held", "noShow"] as const;

export function StatsTable({ caption, rows, label, columns = COLUMNS }: {
  caption: string; rows: StatRow[]; label: (key: string) => string; columns?: ReadonlyArray<(typeof COLUMNS)[number]>;
}) {
  const { t } = useTranslation();
  const head = (c: (typeof COLUMNS)[number]) => t(`meetings.stats.${c === "noShow" ? "no_show" : c}`);
  return (
    // Wide on a phone: the wrapper scrolls, so it must be reachable by keyboard (axe scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption style={{ textAlign: "left", fontWeight: 700 }}>{caption}</caption>
        <thead><tr><th scope="col">{t("meetings.stats.key")}</th>{columns.map((c) => <th key={c} scope="col">{head(c)}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key || "none"}><th scope="row">{label(r.key)}</th>{columns.map((c) => <td key={c}>{r[c]}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
