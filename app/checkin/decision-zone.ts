// Pure: the zone string the server hands to decideEntry. luxon computes an IANA zone's offset through
// Intl for every instant it reads (about three quarters of decideEntry's time); a fixed-offset zone is plain
// arithmetic. Indonesian zones have had no DST and the same offset since 1988, so for them both give the same
// local days and times; a zone whose offset moves within a year keeps its IANA name.
import { FixedOffsetZone, IANAZone } from "luxon";

const DAY_MS = 86_400_000;
const cache = new Map<string, string>();

/**
 * "UTC+7" for "Asia/Jakarta" (the same offset half a year before and after `now`), else the zone unchanged.
 *
 * @example
 * decisionZone("Asia/Makassar", new Date("2026-12-13T00:00:00Z")) // "UTC+8"
 * decisionZone("Europe/Berlin", new Date("2026-12-13T00:00:00Z")) // "Europe/Berlin"
 */
export function decisionZone(zone: string, now: Date): string {
  const key = `${zone}|${Math.floor(now.getTime() / (30 * DAY_MS))}`;
  let found = cache.get(key);
  if (found === undefined) {
    const iana = IANAZone.create(zone);
    const t = now.getTime();
    const offsets = iana.isValid ? [t - 183 * DAY_MS, t, t + 183 * DAY_MS].map((ms) => iana.offset(ms)) : [];
    found = offsets.length === 3 && offsets.every((o) => o === offsets[0]) ? FixedOffsetZone.instance(offsets[0]!).name : zone;
    if (cache.size > 100) cache.clear();
    cache.set(key, found);
  }
  return found;
}
