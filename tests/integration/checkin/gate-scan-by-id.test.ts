import { beforeAll, describe, expect, it } from "vitest";
import { badgeIdCode } from "~/checkin/badge-id-code";
import { recordScan } from "~/checkin/checkin.server";
import { useTestDatabase } from "../../helpers/db";
import { makeBadge, makeDevice, makeGateEvent, makeList, NOW, scanOf } from "../../helpers/badge-factories";

const t = useTestDatabase();
let gate: Awaited<ReturnType<typeof makeDevice>>;
let event: Awaited<ReturnType<typeof makeGateEvent>>["event"];
let foreignBadgeId: string;

beforeAll(async () => {
  ({ event } = await makeGateEvent(t.db));
  gate = await makeDevice(t.db, event.id, await makeList(t.db, event.id, { name: "Utama" }), "Gerbang A");
  const other = await makeGateEvent(t.db, "Dekranasda Bali");
  foreignBadgeId = (await makeBadge(t.db, other.event)).badge.id;
});

describe("scans by badge id (a name search on the gate phone)", () => {
  it("admits a badge of the device's event by its id code, then refuses it as already inside", async () => {
    const badge = await makeBadge(t.db, event, { holderName: "Citra Dewi" });
    expect(await recordScan(t.db, gate.device, scanOf(badgeIdCode(badge.badge.id)), NOW)).toMatchObject({ ok: true, badge: { name: "Citra Dewi" } });
    expect(await recordScan(t.db, gate.device, scanOf(badgeIdCode(badge.badge.id).toUpperCase()), NOW)).toMatchObject({ ok: false, reason: "already_inside", previous: { gate: "Gerbang A" } });
  });

  it("answers unknown_badge for another event's badge id or a malformed id, and records them as refused", async () => {
    for (const code of [badgeIdCode(foreignBadgeId), "ID:1234", "ID:"]) {
      const s = scanOf(code);
      expect(await recordScan(t.db, gate.device, s, NOW)).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
      const row = await t.db.selectFrom("checkin").select(["badgeId", "successful", "reason"]).where("nonce", "=", s.nonce).executeTakeFirstOrThrow();
      expect(row).toEqual({ badgeId: null, successful: false, reason: "unknown_badge" });
    }
  });
});
