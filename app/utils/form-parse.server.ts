// Parsing posted forms in actions. conform fills an array up to the highest index posted, so one field named
// `items[999999].a` cost 39 s and hundreds of MB before zod's max() was checked (measured 2026-11 with
// @conform-to/zod 1.21 on a schema with an array). No real form posts such indexes or thousands of fields.
import { parseWithZod } from "@conform-to/zod/v4";

const MAX_INDEX = 100;
const MAX_ENTRIES = 1000;

/** Whether a posted form has an array index or a number of fields that no form of this app posts. */
export function isOversizedForm(form: FormData, limits: { maxIndex?: number; maxEntries?: number } = {}): boolean {
  const maxIndex = limits.maxIndex ?? MAX_INDEX;
  const maxEntries = limits.maxEntries ?? MAX_ENTRIES;
  let entries = 0;
  for (const key of form.keys()) {
    if (++entries > maxEntries) return true;
    if (hasOversizedIndex(key, maxIndex)) return true;
  }
  return false;
}

function hasOversizedIndex(key: string, maxIndex: number): boolean {
  for (const match of key.matchAll(/\[(\d+)\]/g)) if (match[1]!.length > 6 || Number(match[1]) > maxIndex) return true;
  return false;
}

/** The form without the fields no real form posts (so zod reports what is then missing, naming the field). */
function withoutOversized(form: FormData): FormData {
  if (!isOversizedForm(form)) return form;
  const kept = new FormData();
  let entries = 0;
  for (const [key, value] of form.entries()) {
    if (++entries > MAX_ENTRIES) break;
    if (!hasOversizedIndex(key, MAX_INDEX)) kept.append(key, value);
  }
  return kept;
}

/**
 * `parseWithZod` for actions: every server-side parse of a posted form goes through here.
 *
 * @example const submission = parseForm(await request.formData(), { schema: EventSchema })
 */
export const parseForm: typeof parseWithZod = ((form: FormData, options: Parameters<typeof parseWithZod>[1]) =>
  parseWithZod(withoutOversized(form), options)) as typeof parseWithZod;
