// What an accepted exhibitor sees on "my booth": its booth and invoice once it has one; otherwise the
// self-selection window, the map with the free booths of its size, and its preferences.
import type { Executor } from "~/utils/db.server";
import { getCallSettings, listHalls, LIVE, loadHallPlan, pickHall } from "./booths.server";
import { selectionState } from "./floor-plan";
import { getApplicationInvoice } from "./invoices.server";

export async function loadExhibitorBooth(
  db: Executor,
  input: { eventId: string; applicationId: string; hallId?: string | null; boothCode?: string | null; now: Date },
) {
  const [mine, invoice, preferences, call, halls] = await Promise.all([
    db.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId").innerJoin("hall as h", "h.id", "b.hallId")
      .select(["b.id", "b.code", "b.hallId", "h.name as hallName", "b.sizeM2", "b.zone", "a.feeIdr", "a.status", "a.method", "a.assignedAt"])
      .where("a.applicationId", "=", input.applicationId).where("a.eventId", "=", input.eventId).where("a.status", "in", LIVE)
      .executeTakeFirst(),
    getApplicationInvoice(db, input.applicationId),
    db.selectFrom("boothPreference as p").innerJoin("booth as b", "b.id", "p.boothId")
      .select(["b.id", "b.code", "p.rank"]).where("p.applicationId", "=", input.applicationId).orderBy("p.rank").execute(),
    getCallSettings(db, input.eventId),
    listHalls(db, input.eventId),
  ]);
  const hallId = await pickHall(db, input.eventId, halls, { hallId: input.hallId, boothCode: input.boothCode ?? mine?.code });
  const plan = await loadHallPlan(db, input.eventId, halls, hallId);
  return {
    mine: mine ?? null,
    invoice: invoice ?? null,
    preferences,
    window: { state: selectionState(call.window, input.now), opensAt: call.window?.opensAt ?? null, closesAt: call.window?.closesAt ?? null },
    halls,
    plan,
  };
}
