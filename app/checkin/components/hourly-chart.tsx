import { useTranslation } from "react-i18next";

type Hour = { hour: number; entries: number; exits: number };

/**
 * Entries per local hour as an SVG bar chart (rendered on the server like the rest of the page), only the hours
 * from the first to the last with scans (at least 08–17), next to a table with the same numbers.
 */
export function HourlyChart({ hourly, title }: { hourly: Hour[]; title: string }) {
  const { t } = useTranslation();
  const busy = hourly.filter((h) => h.entries > 0 || h.exits > 0).map((h) => h.hour);
  const from = Math.min(8, ...busy);
  const to = Math.max(17, ...busy);
  const hours = hourly.slice(from, to + 1);
  const max = Math.max(1, ...hours.map((h) => h.entries));
  const W = 36, H = 160, top = 18, bottom = 22;
  const hh = (h: number) => `${String(h).padStart(2, "0")}`;
  return (
    <div className="hourly">
      <figure className="hourly-chart">
        <svg viewBox={`0 0 ${hours.length * W} ${H + top + bottom}`} role="img" aria-label={t("gate.live.chart_label")} preserveAspectRatio="none">
          {hours.map((h, i) => {
            const height = Math.round((h.entries / max) * H);
            return (
              <g key={h.hour}>
                <rect x={i * W + 5} y={top + H - height} width={W - 10} height={height} className="bar" />
                {h.entries > 0 ? <text x={i * W + W / 2} y={top + H - height - 4} textAnchor="middle" className="bar-value">{h.entries}</text> : null}
                <text x={i * W + W / 2} y={top + H + 16} textAnchor="middle" className="bar-label">{hh(h.hour)}</text>
              </g>
            );
          })}
        </svg>
        <figcaption className="small muted">{title}</figcaption>
      </figure>
      <div className="table-wrap hourly-table" tabIndex={0} role="region" aria-label={title}>
        <table className="data">
          <caption className="visually-hidden">{title}</caption>
          <thead><tr><th scope="col">{t("gate.live.hour")}</th><th scope="col">{t("gate.live.entries")}</th><th scope="col">{t("gate.live.exits")}</th></tr></thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h.hour}><th scope="row">{hh(h.hour)}.00–{hh(h.hour + 1)}.00</th><td>{h.entries}</td><td>{h.exits}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
