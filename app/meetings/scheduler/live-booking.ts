// Live booking (Brella/Swapcard style, perf.md §A): when a request is accepted between batch runs, the
// app books the earliest slot both people have free and the lowest free table there. The database
// constraints stay the real guard against races; this only picks the candidate.

export interface LiveSlot {
  id: string;
  session?: string;
  /** Number of tables in the slot (numbered 1..tables). */
  tables: number;
}

export interface LiveBookingInput {
  /** Slots in time order. */
  slots: LiveSlot[];
  /** Slots where the first person is unavailable or already meets. */
  busyA: Iterable<string>;
  /** Slots where the second person is unavailable or already meets. */
  busyB: Iterable<string>;
  /** Table numbers already taken in each slot. */
  occupiedTables: Record<string, readonly number[]>;
  /** Only slots with this session label, as in the contract's `requests[].session`. */
  session?: string;
  /** Ignore slots before this one (e.g. those already started); the caller decides from its clock. */
  notBefore?: string;
}

export type EarliestSlot =
  | { ok: true; slot: string; table: number }
  | { ok: false; reason: "no_common_slot" | "capacity" };

function lowestFreeTable(tables: number, taken: readonly number[] | undefined): number | undefined {
  const used = new Set(taken ?? []);
  for (let table = 1; table <= tables; table++) if (!used.has(table)) return table;
  return undefined;
}

/**
 * Finds the earliest slot where both people are free (and in the session, if any) that still has a
 * table, and the lowest free table number there. Fails with `no_common_slot` when the two have no
 * common free slot at all, or `capacity` when every common slot is full.
 *
 * @example
 * findEarliestSlot({
 *   slots: [{ id: "d1-0900", tables: 2 }, { id: "d1-0920", tables: 2 }],
 *   busyA: ["d1-0900"], busyB: [],
 *   occupiedTables: { "d1-0920": [1] },
 * }); // { ok: true, slot: "d1-0920", table: 2 }
 */
export function findEarliestSlot(input: LiveBookingInput): EarliestSlot {
  const busyA = new Set(input.busyA);
  const busyB = new Set(input.busyB);
  let started = input.notBefore === undefined;
  let common = false;
  for (const slot of input.slots) {
    started ||= slot.id === input.notBefore;
    if (!started || busyA.has(slot.id) || busyB.has(slot.id)) continue;
    if (input.session !== undefined && slot.session !== input.session) continue;
    common = true;
    const table = lowestFreeTable(slot.tables, input.occupiedTables[slot.id]);
    if (table !== undefined) return { ok: true, slot: slot.id, table };
  }
  return { ok: false, reason: common ? "capacity" : "no_common_slot" };
}
