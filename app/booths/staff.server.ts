// Booth staff (penjaga stan) of an exhibitor with a confirmed booth, up to the staff limit of the booth's size
// (booth_size.staff_limit; 2 when the call did not set one). The limit is enforced under a row lock on the
// application, so two adds at once cannot both take the last place.
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { StaffInput } from "./booth.schema";
import { inTransaction } from "./booths.server";

export const DEFAULT_STAFF_LIMIT = 2;

/** The confirmed booth of an application and the staff limit of its size, or undefined without one. */
export async function getConfirmedBooth(db: Executor, eventId: string, applicationId: string) {
  const row = await db.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId").innerJoin("hall as h", "h.id", "b.hallId")
    .leftJoin("boothSize as s", (join) => join.onRef("s.eventId", "=", "b.eventId").onRef("s.sizeM2", "=", "b.sizeM2"))
    .select(["b.id", "b.code", "b.sizeM2", "h.name as hallName", "s.staffLimit"])
    .where("a.applicationId", "=", applicationId).where("a.eventId", "=", eventId).where("a.status", "=", "confirmed")
    .executeTakeFirst();
  return row ? { ...row, staffLimit: row.staffLimit ?? DEFAULT_STAFF_LIMIT } : undefined;
}

export function listStaff(db: Executor, applicationId: string) {
  return db.selectFrom("exhibitorStaff").select(["id", "name", "role", "phone", "email"])
    .where("applicationId", "=", applicationId).orderBy("createdAt").orderBy("id").execute();
}

export type StaffProblem = "no_booth" | "staff_limit" | "not_found";

export function addStaff(db: Executor, input: { eventId: string; applicationId: string; staff: StaffInput }): Promise<Result<{ id: string }, StaffProblem>> {
  return inTransaction(db, async (trx) => {
    await trx.selectFrom("application").select("id").where("id", "=", input.applicationId).forUpdate().executeTakeFirst();
    const booth = await getConfirmedBooth(trx, input.eventId, input.applicationId);
    if (!booth) return fail("no_booth");
    const count = await trx.selectFrom("exhibitorStaff").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("applicationId", "=", input.applicationId).executeTakeFirstOrThrow();
    if (Number(count.n) >= booth.staffLimit) return fail("staff_limit", String(booth.staffLimit));
    const { name, role, phone, email } = input.staff;
    const row = await trx.insertInto("exhibitorStaff").values({ applicationId: input.applicationId, name, role, phone, email })
      .returning("id").executeTakeFirstOrThrow();
    return ok(row);
  });
}

export async function updateStaff(db: Executor, input: { applicationId: string; id: string; staff: StaffInput }): Promise<Result<null, StaffProblem>> {
  const { name, role, phone, email } = input.staff;
  const result = await db.updateTable("exhibitorStaff").set({ name, role, phone, email })
    .where("id", "=", input.id).where("applicationId", "=", input.applicationId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? ok(null) : fail("not_found");
}

export async function deleteStaff(db: Executor, input: { applicationId: string; id: string }): Promise<Result<null, StaffProblem>> {
  const result = await db.deleteFrom("exhibitorStaff").where("id", "=", input.id).where("applicationId", "=", input.applicationId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0 ? ok(null) : fail("not_found");
}
