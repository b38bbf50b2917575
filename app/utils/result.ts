/** Expected outcomes come back as values with a short machine reason; throwing is for bugs and 404s. */
export type Result<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R; detail?: string };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <R extends string>(reason: R, detail?: string): { ok: false; reason: R; detail?: string } =>
  detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
