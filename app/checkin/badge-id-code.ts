// Pure: the third kind of scan code, besides the signed QR text and the typed short code. A gate device that
// found a person by name in its synced badge index checks them in by badge id ("ID:<uuid>"); only an
// authenticated device of the badge's event can use it, and it holds that index anyway.

const PREFIX = "ID:";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * @example badgeIdCode("9d1e…") // "ID:9d1e…"
 */
export function badgeIdCode(badgeId: string): string {
  return `${PREFIX}${badgeId}`;
}

/**
 * The badge id of an "ID:<uuid>" code (any case, whitespace ignored), else null.
 *
 * @example parseBadgeIdCode(" id:9D1E… ") // "9d1e…"
 */
export function parseBadgeIdCode(code: string): string | null {
  const c = code.trim();
  if (c.slice(0, PREFIX.length).toUpperCase() !== PREFIX) return null;
  const id = c.slice(PREFIX.length).toLowerCase();
  return UUID_RE.test(id) ? id : null;
}
