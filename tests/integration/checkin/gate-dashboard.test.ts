import { beforeAll, describe, expect, it } from "vitest";
import { recordScanBatch } from "~/checkin/checkin.server";
import { getGateStats } from "~/checkin/gate-dashboard.server";
import * as livePage from "~/routes/o.$orgSlug.events.$eventId.gates.live";
import * as forcedPage from "~/routes/o.$orgSlug.events.$eventId.gates.forced";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff, type Staff } from "../../helpers/factories";
import { at, makeBadge, makeDevice, makeList, nonce, NOW } from "../../helpers/badge-factories";

const t = useTestDatabase();
let staff: Staff;
let org: { slug: string };
let event: { id: string; organizationId: string };
let answers: Array<{ ok: boolean; forced?: true }>;

/**
 * Known scans on day 1 (20 Nov 2026, WIB): Ani enters at 09.10 (gate A), leaves 10.20 (A) and comes back 10.40
 * (B); Budi enters 09.50 (B) and is refused at 09.55 (A); Citra enters 23.30 (A), and an offline phone at B
 * accepted her again at 23.45, uploaded later (forced).
 */
beforeAll(async () => {
  const made = await makeOrgWithStaff(t.db, "Kadin Kota Kediri");
  ({ staff, org } = made);
  event = { ...(await makeEvent(t.db, made.org.id, { slug: "dasbor-gerbang" })), organizationId: made.org.id };
  const listId = await makeList(t.db, event.id, { name: "Utama" });
  const a = (await makeDevice(t.db, event.id, listId, "Gerbang A")).device;
  const b = (await makeDevice(t.db, event.id, listId, "Gerbang B")).device;
  const ani = (await makeBadge(t.db, event, { holderName: "Ani", kind: "visitor" })).qr;
  const budi = (await makeBadge(t.db, event, { holderName: "Budi", kind: "buyer" })).qr;
  const citra = (await makeBadge(t.db, event, { holderName: "Citra", organizationName: "Tenun Bandar", kind: "exhibitor" })).qr;
  const scan = (code: string, time: string, type: "entry" | "exit" = "entry", force = false) => ({ code, type, nonce: nonce(), scannedAt: at(time), force });
  answers = [
    ...(await recordScanBatch(t.db, a, [scan(ani, "09:10:00"), scan(ani, "10:20:00", "exit")], NOW)),
    ...(await recordScanBatch(t.db, b, [scan(budi, "09:50:00"), scan(ani, "10:40:00")], NOW)),
    ...(await recordScanBatch(t.db, a, [scan(budi, "09:55:00"), scan(citra, "23:30:00")], NOW)),
    ...(await recordScanBatch(t.db, b, [scan(citra, "23:45:00", "entry", true)], NOW)),
  ];
});

describe("live dashboard numbers from known scans", () => {
  it("records the scenario as described (one refusal, one forced entry)", () => {
    expect(answers.map((x) => (x.ok ? (x.forced ? "forced" : "ok") : "refused"))).toEqual(["ok", "ok", "ok", "ok", "refused", "ok", "forced"]);
  });

  it("counts people inside now as successful entries minus exits; refused scans never count", async () => {
    const s = await getGateStats(t.db, event.id, "Asia/Jakarta", "2026-11-20");
    expect({ entries: s.entries, exits: s.exits, insideNow: s.insideNow, people: s.people, forced: s.forced })
      .toEqual({ entries: 5, exits: 1, insideNow: 4, people: 3, forced: 1 });
  });

  it("groups entries per local hour of the event's zone, so 23.30 WIB stays on its own day", async () => {
    const day1 = await getGateStats(t.db, event.id, "Asia/Jakarta", "2026-11-20");
    const busy = day1.hourly.filter((h) => h.entries || h.exits);
    expect(busy).toEqual([{ hour: 9, entries: 2, exits: 0 }, { hour: 10, entries: 1, exits: 1 }, { hour: 23, entries: 2, exits: 0 }]);
    const day2 = await getGateStats(t.db, event.id, "Asia/Jakarta", "2026-11-21");
    expect(day2.hourly.every((h) => h.entries === 0 && h.exits === 0)).toBe(true);
    // Read in WITA (UTC+8) the 23.30 WIB entries fall on the next local day.
    const wita = await getGateStats(t.db, event.id, "Asia/Makassar", "2026-11-21");
    expect(wita.hourly.filter((h) => h.entries)).toEqual([{ hour: 0, entries: 2, exits: 0 }]);
  });

  it("splits entries and exits per gate and per badge kind", async () => {
    const s = await getGateStats(t.db, event.id, "Asia/Jakarta", "2026-11-20");
    expect(s.byGate).toEqual([
      { gate: "Gerbang B", list: "Utama", entries: 3, exits: 0 },
      { gate: "Gerbang A", list: "Utama", entries: 2, exits: 1 },
    ]);
    expect(s.byKind).toEqual([
      { kind: "exhibitor", entries: 2, people: 1 },
      { kind: "visitor", entries: 2, people: 1 },
      { kind: "buyer", entries: 1, people: 1 },
    ]);
  });

  it("serves the same numbers on the live page for the chosen day", async () => {
    const res = await callRoute(livePage.loader, get(`/o/${org.slug}/events/${event.id}/gates/live?day=2026-11-20`, staff.gate_staff.cookie), { orgSlug: org.slug, eventId: event.id });
    const body = res.body as { day: string; stats: { insideNow: number; hourly: Array<{ entries: number }> } };
    expect(body.day).toBe("2026-11-20");
    expect(body.stats.insideNow).toBe(4);
    expect(body.stats.hourly[23]!.entries).toBe(2);
  });

  it("lists the forced scan as a possible double entry with badge, gate and both times", async () => {
    const res = await callRoute(forcedPage.loader, get(`/o/${org.slug}/events/${event.id}/gates/forced`, staff.admin.cookie), { orgSlug: org.slug, eventId: event.id });
    const body = res.body as { total: number; rows: Array<{ badgeName: string; organization: string; gate: string; list: string; scannedAt: Date; receivedAt: Date }> };
    expect(body.total).toBe(1);
    expect(body.rows[0]).toMatchObject({ badgeName: "Citra", organization: "Tenun Bandar", gate: "Gerbang B", list: "Utama" });
    expect(body.rows[0]!.scannedAt.toISOString()).toBe("2026-11-20T16:45:00.000Z");
    expect(body.rows[0]!.receivedAt.toISOString()).toBe(NOW.toISOString());
  });
});
