/**
 * A same-site path to go to after a form, never another origin: `//evil.example` and absolute URLs are
 * open-redirect vectors, so anything but a plain "/path" falls back.
 *
 * @example safeRedirect("/o/kadin-solo") // "/o/kadin-solo"; safeRedirect("//x.y") // "/"
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" is "//evil.example"), and a newline in a
  // Location header throws: no control characters at all.
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

/** Throws a 404 Response unless the value is present: used where a missing object is not a bug. */
export function invariantFound<T>(value: T | null | undefined, message = "Not found"): asserts value is T {
  if (value === null || value === undefined) throw new Response(message, { status: 404 });
}
