import { describe, expect, it } from "vitest";
import { DEMO_EVENT_SLUG, loadDemo } from "../../../db/demo";
import { useTestDatabase } from "../../helpers/db";

const t = useTestDatabase();

describe("npm run demo", () => {
  it("loads the demo fair with exhibitors in every curation state, booths and invoices, deals, badges and gate entries, once", async () => {
    expect(await loadDemo(t.db)).toBe(true);
    const event = await t.db.selectFrom("event").select(["id", "status"]).where("slug", "=", DEMO_EVENT_SLUG).executeTakeFirstOrThrow();
    expect(event.status).toBe("published");
    const statuses = await t.db.selectFrom("application").select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("eventId", "=", event.id).groupBy("status").execute();
    expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toEqual({ accepted: 5, submitted: 5, waitlisted: 1, rejected: 1 });
    const booths = await t.db.selectFrom("boothAssignment").select((eb) => eb.fn.countAll<number>().as("n")).where("eventId", "=", event.id).executeTakeFirstOrThrow();
    expect(Number(booths.n)).toBe(5);
    const invoices = await t.db.selectFrom("invoice").select("number").where("eventId", "=", event.id).orderBy("number").execute();
    expect(invoices).toHaveLength(5);
    const deals = await t.db.selectFrom("deal").select(["valueBucket", "total"]).where("eventId", "=", event.id).orderBy("createdAt").execute();
    expect(deals.map((d) => d.valueBucket)).toEqual(["unconfirmed", "confirmed", "unconfirmed", "potential", "none"]);
    const kinds = await t.db.selectFrom("badge").select(["kind", (eb) => eb.fn.countAll<number>().as("n")]).where("eventId", "=", event.id).groupBy("kind").execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({ vip: 2, buyer: 2, press: 1, staff: 2, visitor: 3 });
    const entries = await t.db.selectFrom("checkin").select(["successful"]).where("eventId", "=", event.id).execute();
    expect(entries.map((e) => e.successful)).toEqual(Array(8).fill(true));
    expect(await loadDemo(t.db)).toBe(false);
  }, 120_000);
});
