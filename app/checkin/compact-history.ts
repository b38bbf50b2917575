// Pure: shrinks a badge's scan history to the rows an entry decision can depend on (contract §1), so a badge
// with many re-entries over a multi-day expo does not make every scan re-parse its whole past.
import type { EntryInput } from "./decide-entry";

type HistoryRow = EntryInput["history"][number];

const OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The rows of `history` that decideEntry can depend on for a scan whose nonce is not in `history`: only
 * successful rows count (§1), and of those only "has an entry", the last row by `at` (ties: array order), and
 * — when the list limits entries per day or in total — every successful entry. Order is kept, so ties still
 * break the same way. Callers check the nonce for duplicates themselves (refused rows are dropped here).
 *
 * @example
 * compactHistory([entry08, exit09, entry10, exit11], { …list, maxEntriesPerDay: null, maxEntriesTotal: null })
 * // → [entry10, exit11]: an entry exists, and the last row is the exit
 */
export function compactHistory(history: HistoryRow[], list: EntryInput["list"]): HistoryRow[] {
  const successful = history.filter((h) => h.successful);
  if (successful.length <= 2) return successful;
  // Only instants with an explicit offset compare the same with Date.parse as in decideEntry (which reads a bare
  // local time in the event's zone); anything else is left whole.
  if (!successful.every((h) => OFFSET_RE.test(h.at))) return successful;
  const ms = successful.map((h) => Date.parse(h.at));
  if (ms.some(Number.isNaN)) return successful;
  let last = 0;
  for (let i = 1; i < successful.length; i++) if (ms[i]! >= ms[last]!) last = i;
  const limited = list.maxEntriesPerDay !== null || list.maxEntriesTotal !== null;
  let entry = -1;
  for (let i = 0; i < successful.length; i++) if (successful[i]!.type === "entry") entry = i;
  return successful.filter((h, i) => i === last || (limited ? h.type === "entry" : i === entry));
}
