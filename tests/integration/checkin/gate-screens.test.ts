import { beforeAll, describe, expect, it } from "vitest";
import { recordScanBatch } from "~/checkin/checkin.server";
import { authenticateGateDevice } from "~/checkin/gates.server";
import * as gatesIndex from "~/routes/o.$orgSlug.events.$eventId.gates._index";
import * as gatesLayout from "~/routes/o.$orgSlug.events.$eventId.gates";
import * as listPage from "~/routes/o.$orgSlug.events.$eventId.gates.lists.$listId";
import * as livePage from "~/routes/o.$orgSlug.events.$eventId.gates.live";
import * as forcedPage from "~/routes/o.$orgSlug.events.$eventId.gates.forced";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeAccount, makeEvent, makeOrgWithStaff, readToast, type Staff, type TestUser } from "../../helpers/factories";
import { at, makeBadge, makeDevice, makeList, nonce } from "../../helpers/badge-factories";

const t = useTestDatabase();

let staff: Staff;
let stranger: TestUser;
let org: { id: string; slug: string };
let event: { id: string; organizationId: string };
let path: (rest?: string) => string;
let params: (extra?: Record<string, string>) => Record<string, string>;

beforeAll(async () => {
  const made = await makeOrgWithStaff(t.db, "Dinkop UMKM Surakarta");
  ({ org, staff } = made);
  event = { ...(await makeEvent(t.db, org.id, { slug: "gerbang-pameran-solo" })), organizationId: org.id };
  const other = await makeOrgWithStaff(t.db, "Dekranasda Kediri", staff);
  stranger = await makeAccount(t.db, "Orang Lain");
  await makeEvent(t.db, other.org.id, { slug: "gerbang-kediri" });
  path = (rest = "") => `/o/${org.slug}/events/${event.id}/gates${rest}`;
  params = (extra = {}) => ({ orgSlug: org.slug, eventId: event.id, ...extra });
});

const listForm = (fields: Record<string, string> = {}) => ({ intent: "save-list", name: "Gerbang Utama", allowEntryAfterExit: "on", ...fields });
const listRows = () => t.db.selectFrom("checkinList").selectAll().where("eventId", "=", event.id).orderBy("createdAt").execute();

describe("check-in lists: organizers create, edit and delete them", () => {
  it("creates a list with kinds, days and an opening window read in the event's zone (WIB)", async () => {
    const body = new URLSearchParams(listForm({ name: "Hari 1 – Pembeli", opensDay: "2026-11-20", opensTime: "08.00", closesDay: "2026-11-20", closesTime: "17:00", maxEntriesPerDay: "2" }));
    body.append("kinds", "buyer");
    body.append("kinds", "vip");
    body.append("days", "2026-11-20");
    const req = new Request(`http://localhost:3000${path()}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: staff.admin.cookie } });
    const res = await callRoute(gatesIndex.action, req, params());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ key: "gate.lists.created" });
    const row = (await listRows()).find((l) => l.name === "Hari 1 – Pembeli")!;
    expect(row.kinds).toEqual(["buyer", "vip"]);
    expect(row.opensAt?.toISOString()).toBe("2026-11-20T01:00:00.000Z");
    expect(row.closesAt?.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(row).toMatchObject({ allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, maxEntriesPerDay: 2, maxEntriesTotal: null });
  });

  it.each([
    ["an empty name", { name: "" }, "name", "validation.required"],
    ["a closing time before the opening", { opensDay: "2026-11-21", opensTime: "17:00", closesDay: "2026-11-21", closesTime: "08:00" }, "closesTime", "gate.v.window_order"],
    ["an opening day without a time", { opensDay: "2026-11-21" }, "opensTime", "gate.v.time_needed"],
    ["a time that is no time", { opensDay: "2026-11-21", opensTime: "25:00" }, "opensTime", "validation.time"],
    ["a day outside the event", { days: "2026-12-01" }, "days[0]", "gate.v.not_event_day"],
    ["a daily limit of zero", { maxEntriesPerDay: "0" }, "maxEntriesPerDay", "validation.positive"],
    ["a total limit that is not a number", { maxEntriesTotal: "banyak" }, "maxEntriesTotal", "validation.number"],
    ["an unknown badge kind", { kinds: "sultan" }, "kinds[0]", "validation.choose"],
  ])("refuses %s with an error on that field and saves nothing", async (_label, fields, field, message) => {
    const before = (await listRows()).length;
    const res = await callRoute(gatesIndex.action, post(path(), listForm({ name: "Salah", ...fields }), staff.owner.cookie), params());
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[field]).toEqual([message]);
    expect((await listRows()).length).toBe(before);
  });

  it("refuses a second list with the same name (any case) on the name field", async () => {
    await callRoute(gatesIndex.action, post(path(), listForm({ name: "Hall B" }), staff.owner.cookie), params());
    const res = await callRoute(gatesIndex.action, post(path(), listForm({ name: "hall b" }), staff.owner.cookie), params());
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).name).toEqual(["gate.lists.name_taken"]);
  });

  it("edits a list: the form shows the stored rules in local time and saving changes them", async () => {
    const id = (await listRows()).find((l) => l.name === "Hari 1 – Pembeli")!.id;
    const page = await callRoute(listPage.loader, get(path(`/lists/${id}`), staff.admin.cookie), params({ listId: id }));
    expect(page.status).toBe(200);
    expect((page.body as { defaults: Record<string, unknown> }).defaults).toMatchObject({ opensDay: "2026-11-20", opensTime: "08:00", kinds: ["buyer", "vip"], days: ["2026-11-20"], maxEntriesPerDay: "2" });
    const res = await callRoute(listPage.action, post(path(`/lists/${id}`), listForm({ name: "Hari 1 – Semua", allowMultipleEntries: "on" }), staff.admin.cookie), params({ listId: id }));
    expect(res.status).toBe(302);
    const row = (await listRows()).find((l) => l.id === id)!;
    expect(row).toMatchObject({ name: "Hari 1 – Semua", kinds: null, days: null, opensAt: null, allowMultipleEntries: true, maxEntriesPerDay: null });
  });

  it("deletes a list nobody was scanned on, with its devices", async () => {
    const id = await makeList(t.db, event.id, { name: "Pintu Darurat" });
    await makeDevice(t.db, event.id, id, "Darurat 1");
    const res = await callRoute(listPage.action, post(path(`/lists/${id}`), { intent: "delete-list" }, staff.owner.cookie), params({ listId: id }));
    expect(await readToast(res.response)).toMatchObject({ key: "gate.lists.deleted" });
    expect((await listRows()).some((l) => l.id === id)).toBe(false);
    expect(await t.db.selectFrom("gateDevice").select("id").where("checkinListId", "=", id).execute()).toEqual([]);
  });

  it("keeps a list that has scans (the scan log is history) and says why", async () => {
    const id = await makeList(t.db, event.id, { name: "Sudah Dipakai" });
    const gate = await makeDevice(t.db, event.id, id, "Dipakai 1");
    const badge = await makeBadge(t.db, event);
    await recordScanBatch(t.db, gate.device, [{ code: badge.qr, type: "entry", nonce: nonce(), scannedAt: at() }], new Date());
    const res = await callRoute(listPage.action, post(path(`/lists/${id}`), { intent: "delete-list" }, staff.owner.cookie), params({ listId: id }));
    expect(await readToast(res.response)).toMatchObject({ type: "error", key: "gate.lists.in_use" });
    expect((await listRows()).some((l) => l.id === id)).toBe(true);
  });
});

describe("gate devices: the token is shown once as a pairing link", () => {
  it("creates a device and answers its pairing link (token in the fragment) and QR once; the loader never shows it again", async () => {
    const listId = await makeList(t.db, event.id, { name: "Gerbang Timur" });
    const res = await callRoute(gatesIndex.action, post(path(), { intent: "add-device", name: "Timur 1", checkinListId: listId }, staff.admin.cookie), params());
    expect(res.status).toBe(200);
    const pairing = (res.body as { pairing: { url: string; qrSvg: string; name: string; list: string } }).pairing;
    expect(pairing.url).toMatch(/^http:\/\/localhost:\d+\/gate#t=gt_[A-Za-z0-9_-]+$/);
    expect(pairing.qrSvg).toContain("<svg");
    expect(pairing).toMatchObject({ name: "Timur 1", list: "Gerbang Timur" });
    const token = decodeURIComponent(pairing.url.split("#t=")[1]!);
    const auth = await authenticateGateDevice(t.db, token, new Date());
    expect(auth.ok && auth.value.list.name).toBe("Gerbang Timur");
    const stored = await t.db.selectFrom("gateDevice").select("tokenHash").where("name", "=", "Timur 1").executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token.slice(3));
    const page = await callRoute(gatesIndex.loader, get(path(), staff.admin.cookie), params());
    expect(JSON.stringify(page.body)).not.toContain(token);
    expect((page.body as { devices: Array<{ name: string; lastSeenAt: Date | null }> }).devices.find((d) => d.name === "Timur 1")?.lastSeenAt).toBeInstanceOf(Date);
  });

  it.each([
    ["no name", { name: "" }, "name", "validation.required"],
    ["no list", { checkinListId: "" }, "checkinListId", "validation.choose"],
    ["another event's list", { checkinListId: "00000000-0000-4000-8000-000000000000" }, "checkinListId", "gate.devices.list_not_found"],
  ])("refuses a device with %s on that field", async (_label, fields, field, message) => {
    const listId = await makeList(t.db, event.id);
    const res = await callRoute(gatesIndex.action, post(path(), { intent: "add-device", name: "Barat 1", checkinListId: listId, ...fields }, staff.admin.cookie), params());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(fieldErrors(res.body)[field]).toEqual([message]);
    expect(await t.db.selectFrom("gateDevice").select("id").where("name", "=", "Barat 1").execute()).toEqual([]);
  });

  it("revokes a device: its token answers revoked at once", async () => {
    const listId = await makeList(t.db, event.id);
    const gate = await makeDevice(t.db, event.id, listId, "Hilang 1");
    const res = await callRoute(gatesIndex.action, post(path(), { intent: "revoke-device", deviceId: gate.id }, staff.owner.cookie), params());
    expect(await readToast(res.response)).toMatchObject({ key: "gate.devices.revoked_toast" });
    expect(await authenticateGateDevice(t.db, gate.token, new Date())).toEqual({ ok: false, reason: "revoked_token" });
  });
});

describe("gate screens: who may see and manage them", () => {
  const pages = () => [
    ["layout", gatesLayout.loader, path()], ["index", gatesIndex.loader, path()], ["live", livePage.loader, path("/live")], ["forced", forcedPage.loader, path("/forced")],
  ] as const;

  it("lets owner, admin and gate staff view the gate screens and the live view", async () => {
    for (const who of ["owner", "admin", "gate_staff"] as const) {
      for (const [name, loader, url] of pages()) {
        expect(`${who} ${name} ${(await callRoute(loader, get(url, staff[who].cookie), params())).status}`).toBe(`${who} ${name} 200`);
      }
    }
  });

  it("answers 403 to a curator, 404 to another organization and sends a visitor to sign in", async () => {
    for (const [name, loader, url] of pages()) {
      expect(`${name} ${(await callRoute(loader, get(url, staff.curator.cookie), params())).status}`).toBe(`${name} 403`);
      expect(`${name} ${(await callRoute(loader, get(url, stranger.cookie), params())).status}`).toBe(`${name} 404`);
      expect(`${name} ${(await callRoute(loader, get(url), params())).status}`).toBe(`${name} 302`);
    }
  });

  it("refuses gate staff and curators every change (403) and records nothing", async () => {
    const before = (await listRows()).length;
    for (const who of ["gate_staff", "curator"] as const) {
      expect((await callRoute(gatesIndex.action, post(path(), listForm({ name: `Dari ${who}` }), staff[who].cookie), params())).status).toBe(403);
    }
    expect((await callRoute(gatesIndex.action, post(path(), listForm({ name: "Asing" }), stranger.cookie), params())).status).toBe(404);
    expect((await listRows()).length).toBe(before);
    const page = await callRoute(gatesIndex.loader, get(path(), staff.gate_staff.cookie), params());
    expect((page.body as { canManage: boolean }).canManage).toBe(false);
  });

  it("answers 404 for a list of another event or a malformed id", async () => {
    for (const listId of ["bukan-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect((await callRoute(listPage.loader, get(path(`/lists/${listId}`), staff.owner.cookie), params({ listId }))).status).toBe(404);
    }
  });
});
