/**
 * URL slugs for events (`/e/temu-bisnis-batik-2026`): generation from a title and validation of
 * what an organizer types.
 */

export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 60;

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Slugs that would collide with app routes or read as official. Kept broad on purpose: adding a
 * route later must not break an existing event's URL.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about", "account", "admin", "api", "app", "assets", "auth", "badge", "badges", "build",
  "checkin", "dashboard", "e", "edit", "event", "events", "favicon", "gate", "health",
  "healthcheck", "help", "login", "logout", "me", "new", "org", "orgs", "pendopo", "public",
  "register", "reset-password", "resources", "robots", "scan", "search", "settings", "signup",
  "sitemap", "static", "support", "www",
]);

export type SlugProblem = "empty" | "too_short" | "too_long" | "invalid_chars" | "reserved";

// Letters that NFKD does not decompose into ASCII + combining mark.
const LATIN_EXTRAS: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i",
};

/**
 * Turns a title into a slug: lowercase ASCII, diacritics stripped, `&` → `dan`, apostrophes
 * dropped (`Jum'at` → `jumat`), any other run of non-alphanumerics → one `-`, no leading or
 * trailing dash. Longer than {@link SLUG_MAX_LENGTH} is cut back to the last whole word (or hard
 * cut when a single word is longer). May return "" (e.g. a title in Javanese script); check the
 * result with {@link validateSlug}.
 *
 * @example slugify("Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta 2026")
 * // "temu-bisnis-batik-dan-tenun-ikat-kediri-surakarta-2026"
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (ch) => LATIN_EXTRAS[ch] ?? "")
    .replace(/&/g, " dan ")
    .replace(/['’ʼ`]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return truncateAtDash(slug, SLUG_MAX_LENGTH);
}

/**
 * Checks a slug typed by an organizer: 3–60 characters of `a-z`, `0-9` and single inner dashes,
 * not in {@link RESERVED_SLUGS}. Checks run in the order empty, too_long, invalid_chars,
 * too_short, reserved.
 *
 * @example validateSlug("pameran-batik-mojokerto-2023") // { ok: true }
 */
export function validateSlug(slug: string): { ok: true } | { ok: false; reason: SlugProblem } {
  if (slug.length === 0) return { ok: false, reason: "empty" };
  if (slug.length > SLUG_MAX_LENGTH) return { ok: false, reason: "too_long" };
  if (!SLUG_RE.test(slug)) return { ok: false, reason: "invalid_chars" };
  if (slug.length < SLUG_MIN_LENGTH) return { ok: false, reason: "too_short" };
  if (RESERVED_SLUGS.has(slug)) return { ok: false, reason: "reserved" };
  return { ok: true };
}

function truncateAtDash(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // The character just past the cut tells whether we cut exactly at a word boundary.
  if (slug[max] === "-") return slug.slice(0, max);
  const head = slug.slice(0, max);
  const lastDash = head.lastIndexOf("-");
  return (lastDash > 0 ? head.slice(0, lastDash) : head).replace(/-+$/, "");
}
