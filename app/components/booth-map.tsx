import type { SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BoothStatus } from "~/booths/floor-plan";

/** One grid cell is 10 SVG units; on screen at least MIN_PX (a 3-cell booth is then 42 px: WCAG 2.5.8). */
const CELL = 10;
const MIN_PX = 14;
const MAX_PX = 30;

export type MapBoothView = {
  id: string;
  code: string;
  x: number;
  y: number;
  w: number;
  h: number;
  sizeM2: number;
  zone: string;
  status: BoothStatus;
  corner?: boolean;
  exhibitorName?: string | null;
};

type Props = {
  /** The SVG's <title>, e.g. "Denah Hall A". */
  title: string;
  /** The SVG's <desc>: what the map shows and how to use it. */
  description: string;
  extent: { width: number; height: number };
  booths: readonly MapBoothView[];
  /** The booth drawn with a thick outline and a star (the exhibitor's own, the one asked for in ?booth=). */
  highlightCode?: string | null;
  /** Where a booth leads; null makes it a plain (non-focusable) shape. */
  hrefFor?: (booth: MapBoothView) => string | null;
  /** Booths that cannot be chosen here (another size): drawn grey. */
  isDimmed?: (booth: MapBoothView) => boolean;
  /** Planned booths of a bulk creation, drawn dashed. */
  ghosts?: ReadonlyArray<{ code: string; x: number; y: number; w: number; h: number }>;
  /** Show the exhibitor's name on taken booths in the accessible name (organizer and public maps). */
  showNames?: boolean;
};

/** Font size in SVG units so the code fits its booth (about 0.6 em per character). */
function fontSize(code: string, w: number, h: number) {
  return Math.max(4, Math.min(9, (w * CELL - 3) / (0.62 * Math.max(code.length, 1)), h * CELL * 0.45));
}

export function useBoothName() {
  const { t } = useTranslation();
  return (b: MapBoothView, showNames = false) => {
    const parts = [t("booths.map.booth_name", { code: b.code }), `${b.sizeM2} m²`];
    if (b.zone) parts.push(t("booths.map.zone_name", { zone: b.zone }));
    if (b.corner) parts.push(t("booths.corner").toLowerCase());
    const status = t(`booths.status.${b.status}`).toLowerCase();
    parts.push(showNames && b.exhibitorName && b.status !== "available" ? `${status}: ${b.exhibitorName}` : status);
    return parts.join(", ");
  };
}

/**
 * The floor plan of one hall as server-rendered SVG, scaled to the hall and scrolled sideways when it is
 * wider than the screen. Status is shown by fill AND pattern (outline = available, stripes = held, solid =
 * assigned) and named in each booth's accessible name; booths are links where `hrefFor` gives one, so the
 * map works with a keyboard and without dragging (WCAG 2.5.7).
 */
export function BoothMap({ title, description, extent, booths, highlightCode, hrefFor, isDimmed, ghosts, showNames }: Props) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, "");
  const name = useBoothName();
  const W = extent.width * CELL;
  const H = extent.height * CELL;
  const highlight = highlightCode?.toLowerCase();
  return (
    // Focusable and named so a keyboard can scroll a big hall sideways even where no booth is a link.
    <div className="booth-map-scroll" role="region" aria-label={title} tabIndex={0}>
      <svg className="booth-map" viewBox={`0 0 ${W} ${H}`} aria-labelledby={`${uid}-t`} aria-describedby={`${uid}-d`}
        style={{ minWidth: extent.width * MIN_PX, maxWidth: extent.width * MAX_PX }}>
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{description}</desc>
        <defs>
          <pattern id={`${uid}-grid`} width={CELL} height={CELL} patternUnits="userSpaceOnUse">
            <path d={`M ${CELL} 0 L 0 0 0 ${CELL}`} fill="none" className="bm-gridline" />
          </pattern>
          <pattern id={`${uid}-held`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="bm-held-bg" />
            <rect width="2.5" height="6" className="bm-held-stripe" />
          </pattern>
        </defs>
        <rect width={W} height={H} className="bm-floor" />
        <rect width={W} height={H} fill={`url(#${uid}-grid)`} />
        {booths.map((b) => {
          const href = hrefFor?.(b) ?? null;
          const dimmed = isDimmed?.(b) ?? false;
          const lit = highlight !== undefined && b.code.toLowerCase() === highlight;
          const cls = `bm-booth bm-${dimmed ? "dimmed" : b.status}${lit ? " bm-lit" : ""}`;
          const x = b.x * CELL;
          const y = b.y * CELL;
          const fs = fontSize(b.code, b.w, b.h);
          const shape = (
            <>
              <rect x={x + 0.6} y={y + 0.6} width={b.w * CELL - 1.2} height={b.h * CELL - 1.2} rx="1.2"
                fill={b.status === "held" && !dimmed ? `url(#${uid}-held)` : undefined} className="bm-rect" />
              <text x={x + (b.w * CELL) / 2} y={y + (b.h * CELL) / 2} fontSize={fs} className="bm-code" dominantBaseline="central" textAnchor="middle">
                {b.code}
              </text>
              {lit ? <text x={x + 2} y={y + 2 + 6} fontSize="7" className="bm-star" aria-hidden="true">★</text> : null}
            </>
          );
          const label = name(b, showNames) + (lit ? `, ${t("booths.map.highlighted").toLowerCase()}` : "");
          return href ? (
            <Link key={b.id} to={href} className={cls} aria-label={label} preventScrollReset>{shape}</Link>
          ) : (
            <g key={b.id} className={cls} role="img" aria-label={label}>{shape}</g>
          );
        })}
        {ghosts?.length ? (
          <g aria-hidden="true" className="bm-ghosts">
            {ghosts.map((g) => (
              <g key={g.code}>
                <rect x={g.x * CELL + 0.6} y={g.y * CELL + 0.6} width={g.w * CELL - 1.2} height={g.h * CELL - 1.2} rx="1.2" className="bm-ghost" />
                <text x={g.x * CELL + (g.w * CELL) / 2} y={g.y * CELL + (g.h * CELL) / 2} fontSize={fontSize(g.code, g.w, g.h)}
                  className="bm-ghost-code" dominantBaseline="central" textAnchor="middle">{g.code}</text>
              </g>
            ))}
          </g>
        ) : null}
      </svg>
    </div>
  );
}

/** The legend: each status with the same fill and pattern as on the map, and its name in words. */
export function BoothMapLegend({ withDimmed, withHighlight, highlightLabel }: { withDimmed?: boolean; withHighlight?: boolean; highlightLabel?: string }) {
  const { t } = useTranslation();
  const uid = useId().replace(/:/g, "");
  const items: Array<[string, string]> = [
    ["available", t("booths.status.available")],
    ["held", t("booths.status.held")],
    ["assigned", t("booths.status.assigned")],
  ];
  if (withDimmed) items.push(["dimmed", t("booths.map.other_size")]);
  return (
    <ul className="booth-legend" aria-label={t("booths.map.legend")}>
      {items.map(([status, label]) => (
        <li key={status}>
          <svg width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" className={`bm-booth bm-${status}`}>
            <defs>
              <pattern id={`${uid}-${status}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" className="bm-held-bg" />
                <rect width="2.5" height="6" className="bm-held-stripe" />
              </pattern>
            </defs>
            <rect x="1" y="1" width="26" height="18" rx="2" className="bm-rect" fill={status === "held" ? `url(#${uid}-${status})` : undefined} />
          </svg>
          {label}
        </li>
      ))}
      {withHighlight ? (
        <li>
          <svg width="28" height="20" viewBox="0 0 28 20" aria-hidden="true" className="bm-booth bm-available bm-lit">
            <rect x="1.5" y="1.5" width="25" height="17" rx="2" className="bm-rect" />
            <text x="4" y="12" fontSize="9" className="bm-star">★</text>
          </svg>
          {highlightLabel ?? t("booths.map.highlighted")}
        </li>
      ) : null}
    </ul>
  );
}

/** The booths section's own navigation under the event tabs: floor plan, automatic assignment, invoices. */
export function BoothsNav({ base, current }: { base: string; current: "plan" | "auto" | "invoices" }) {
  const { t } = useTranslation();
  const items = [
    { to: `${base}/floor-plan`, label: t("booths.nav.plan"), key: "plan" },
    { to: `${base}/floor-plan/auto`, label: t("booths.nav.auto"), key: "auto" },
    { to: `${base}/invoices`, label: t("booths.nav.invoices"), key: "invoices" },
  ];
  return (
    <nav className="booth-subnav" aria-label={t("booths.nav.label")}>
      {items.map((item) => (
        <Link key={item.key} to={item.to} aria-current={item.key === current ? "page" : undefined}>{item.label}</Link>
      ))}
    </nav>
  );
}

/**
 * Server errors like "booths.overlap|B-02" carry the booth they are about: translated here with `{{code}}`,
 * so replies keep machine-readable keys and the form shows a sentence that names the booth.
 */
export function useDetailMessages<R extends SubmissionResult<string[]> | undefined>(result: R): R {
  const { t } = useTranslation();
  // Memoised: conform re-applies `lastResult` whenever its identity changes, so a fresh object on every
  // render would loop (React error 185).
  return useMemo(() => {
    if (!result?.error) return result;
    const error = Object.fromEntries(Object.entries(result.error).map(([field, messages]) => [
      field,
      messages?.map((m) => {
        const [key, code] = m.split("|");
        return code === undefined ? m : code ? t(key!, { code }) : t(`${key}_unknown`);
      }) ?? null,
    ]));
    return { ...result, error } as R;
  }, [result, t]);
}
