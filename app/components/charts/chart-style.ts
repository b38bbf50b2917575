/** Colours of the charts (the app's sogan brown on paper; text colours pass 4.5:1 on white). */
export const CHART_COLOURS = { ink: "#2b2118", muted: "#5f5246", bar: "#7a3e12", track: "#f3e6d8", grid: "#e3dacd", halo: "#ffffff" } as const;

/** Shortens a label for a chart (the full text stays in the data table next to it). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
