/**
 * Pure helpers of the batch run: table numbers that keep published meetings at their table, and idle gaps
 * per person (the stand-by time b2match minimises) for the organizer's preview.
 */

export type PlannedMeeting = { request: string; slot: string };

/**
 * Table numbers per meeting: meetings in `keep` keep their table; the others get the lowest free table of
 * their slot (1..capacity). A meeting that finds no table gets none (cannot happen when the scheduler
 * respected the capacity).
 *
 * @example assignTables([{ request: "r1", slot: "s1" }, { request: "r2", slot: "s1" }], new Map([["r2", 1]]), 2) // r1 → 2, r2 → 1
 */
export function assignTables(meetings: readonly PlannedMeeting[], keep: ReadonlyMap<string, number>, capacity: number): Map<string, number> {
  const used = new Map<string, Set<number>>();
  const tables = new Map<string, number>();
  for (const m of meetings) {
    const table = keep.get(m.request);
    if (table === undefined) continue;
    tables.set(m.request, table);
    used.set(m.slot, (used.get(m.slot) ?? new Set()).add(table));
  }
  for (const m of meetings) {
    if (tables.has(m.request)) continue;
    const taken = used.get(m.slot) ?? new Set<number>();
    for (let t = 1; t <= capacity; t++) {
      if (taken.has(t)) continue;
      taken.add(t);
      used.set(m.slot, taken);
      tables.set(m.request, t);
      break;
    }
  }
  return tables;
}

/**
 * Empty slots between a person's first and last meeting of each day, per person (only people with gaps).
 *
 * @example idleGapsByPerson([{ request: "r1", slot: "a" }, { request: "r2", slot: "c" }], { r1: ["p", "q"], r2: ["p", "x"] }, [{ id: "a", day: "d" }, { id: "b", day: "d" }, { id: "c", day: "d" }])
 * // Map { "p" => 1 }
 */
export function idleGapsByPerson(
  meetings: readonly PlannedMeeting[], people: Readonly<Record<string, readonly [string, string]>>, slots: ReadonlyArray<{ id: string; day: string }>,
): Map<string, number> {
  const position = new Map(slots.map((s, i) => [s.id, { i, day: s.day }]));
  const byPersonDay = new Map<string, number[]>();
  for (const m of meetings) {
    const at = position.get(m.slot);
    if (!at) continue;
    for (const person of people[m.request] ?? []) {
      const key = `${person}\u0000${at.day}`;
      byPersonDay.set(key, [...(byPersonDay.get(key) ?? []), at.i]);
    }
  }
  const gaps = new Map<string, number>();
  for (const [key, list] of byPersonDay) {
    const person = key.split("\u0000")[0]!;
    const gap = Math.max(...list) - Math.min(...list) + 1 - list.length;
    if (gap > 0) gaps.set(person, (gaps.get(person) ?? 0) + gap);
  }
  return gaps;
}
