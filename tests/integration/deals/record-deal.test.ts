import { beforeAll, describe, expect, it } from "vitest";
import { participantSummary } from "~/deals/deal-summary.server";
import { changeDealStatus, confirmDealAs, recordDeal, type DealActor, type RecordDealInput } from "~/deals/deals.server";
import type { Participant } from "~/meetings/participants.server";
import { useTestDatabase } from "../../helpers/db";
import { DEAL_NOW, DEAL_TABLES, dealInput, makeDealEvent, makeHeldMeeting } from "../../helpers/deal-factories";
import { countRows, makeAccount, makeOrgWithStaff } from "../../helpers/factories";
import { makeBuyer, makeSeller } from "../../helpers/meetings-factories";

const t = useTestDatabase();
let event: Awaited<ReturnType<typeof makeDealEvent>>;
let lead: Participant, partner: Participant, unstated: Participant, foreignSeller: Participant;
let buyer: Participant, otherBuyer: Participant, foreignBuyer: Participant;
let organizer: DealActor;

const asSeller = (p: Participant): DealActor => ({ party: "seller", userId: p.userId, participantId: p.id });
const asBuyer = (p: Participant): DealActor => ({ party: "buyer", userId: p.userId, participantId: p.id });
const record = (actor: DealActor, input: RecordDealInput) => recordDeal(t.db, event, actor, input, DEAL_NOW);
async function recorded(actor: DealActor, input: RecordDealInput) {
  const res = await record(actor, input);
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.value.id;
}
const dealRow = (id: string) => t.db.selectFrom("deal").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

beforeAll(async () => {
  const { org, staff } = await makeOrgWithStaff(t.db, "Kadin Surakarta");
  organizer = { party: "organizer", userId: staff.admin.id };
  event = await makeDealEvent(t.db, org.id);
  lead = await makeSeller(t.db, event.id, { name: "Batik Sekar Laweyan", sector: "batik_tulis", capacityQuantity: 100, capacityUnit: "lembar" });
  partner = await makeSeller(t.db, event.id, { name: "Batik Kauman Asri", sector: "batik_tulis", capacityQuantity: 300, capacityUnit: "lembar" });
  unstated = await makeSeller(t.db, event.id, { name: "Batik Tanpa Kapasitas", sector: "batik_tulis" });
  buyer = (await makeBuyer(t.db, event.id, "Hotel Solo Indah")).participant;
  otherBuyer = (await makeBuyer(t.db, event.id, "Galeri Nusantara")).participant;
  const other = await makeDealEvent(t.db, org.id);
  foreignSeller = await makeSeller(t.db, other.id, { name: "Batik Acara Lain" });
  foreignBuyer = (await makeBuyer(t.db, other.id, "Pembeli Acara Lain")).participant;
});

describe("recording a deal", () => {
  it("records a walk-in sale by one seller with exact money, unconfirmed, with its history", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id], { lines: [
      { product: "Batik tulis sogan", quantity: "2,5", unit: "lembar", unitPrice: "1.250.000" },
      { product: "Selendang", quantity: "3", unit: "pcs", unitPrice: "Rp 150.001" },
    ] }));
    expect(await dealRow(id)).toMatchObject({
      total: "3575003", buyerId: null, buyerName: "Toko Batik Sekar Jagad", buyerCity: "Kota Surabaya", confirmation: "unconfirmed",
      enteredBy: "seller", dealDay: "2026-11-20", status: "agreed", meetingId: null,
    });
    const lines = await t.db.selectFrom("dealLine").select(["product", "quantityMilli", "lineTotal"]).where("dealId", "=", id).orderBy("position").execute();
    expect(lines).toEqual([{ product: "Batik tulis sogan", quantityMilli: "2500", lineTotal: "3125000" }, { product: "Selendang", quantityMilli: "3000", lineTotal: "450003" }]);
    expect(await t.db.selectFrom("dealSeller").select(["sellerId", "shareValue", "shareQuantity"]).where("dealId", "=", id).execute())
      .toEqual([{ sellerId: lead.id, shareValue: "3575003", shareQuantity: null }]);
    expect(await t.db.selectFrom("dealStatusChange").select(["fromStatus", "toStatus", "confirmation", "party"]).where("dealId", "=", id).execute())
      .toEqual([{ fromStatus: null, toStatus: "agreed", confirmation: "unconfirmed", party: "seller" }]);
  });

  it("records a registered buyer's deal from a held meeting, with the buyer's region from the profile", async () => {
    const meetingId = await makeHeldMeeting(t.db, lead, buyer);
    const id = await recorded(asBuyer(buyer), dealInput([lead.id], { meetingId, walkInBuyer: null }));
    expect(await dealRow(id)).toMatchObject({ meetingId, buyerId: buyer.id, buyerName: "Hotel Solo Indah", buyerCity: "Surakarta", enteredBy: "buyer" });
    // The meeting must be between these two.
    const res = await record(asBuyer(otherBuyer), dealInput([lead.id], { meetingId, walkInBuyer: null }));
    expect(res).toEqual({ ok: false, errors: [{ field: "meetingId", code: "meeting_invalid" }] });
  });

  it("splits a consortium order over producers in proportion to their shares", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id, partner.id], {
      lines: [{ product: "Batik tulis", quantity: "400", unit: "lembar", unitPrice: "100.000" }], shareQuantities: [100, 300], deliveryDate: "2026-12-19",
    }));
    expect(await t.db.selectFrom("dealSeller").select(["sellerId", "shareQuantity", "shareValue"]).where("dealId", "=", id).orderBy("position").execute())
      .toEqual([{ sellerId: lead.id, shareQuantity: 100, shareValue: "10000000" }, { sellerId: partner.id, shareQuantity: 300, shareValue: "30000000" }]);
  });

  it("warns when a share exceeds a producer's spare capacity and records only once the user confirms", async () => {
    const input = dealInput([lead.id, partner.id, unstated.id], {
      lines: [{ product: "Batik tulis", quantity: "300", unit: "lembar", unitPrice: "100.000" }], shareQuantities: [150, 100, 50], deliveryDate: "2026-12-19",
    });
    const before = await countRows(t.db, DEAL_TABLES);
    // The earlier consortium deal already committed the lead's 100 for this window: spare 0.
    expect(await record(asSeller(lead), input)).toEqual({ ok: false, errors: [{ field: "confirmOverCapacity", code: "over_capacity_unconfirmed", params: { name: "Batik Sekar Laweyan" } }] });
    expect(await countRows(t.db, DEAL_TABLES)).toEqual(before);
    const id = await recorded(asSeller(lead), { ...input, confirmOverCapacity: true });
    expect((await dealRow(id)).total).toBe("30000000");
  });

  it("refuses a consortium order without a delivery date, with fractional units, or with shares that do not add up", async () => {
    const base = dealInput([lead.id, partner.id], { lines: [{ product: "Batik", quantity: "10", unit: "lembar", unitPrice: "100.000" }], shareQuantities: [5, 5] });
    expect(await record(asSeller(lead), base)).toMatchObject({ errors: [{ field: "deliveryDate", code: "delivery_date_required" }] });
    expect(await record(asSeller(lead), { ...base, deliveryDate: "2027-01-31", lines: [{ ...base.lines[0]!, quantity: "10,5" }] }))
      .toMatchObject({ errors: [{ field: "lines", code: "consortium_whole_units" }] });
    expect(await record(asSeller(lead), { ...base, deliveryDate: "2027-01-31", shareQuantities: [5, 4] }))
      .toMatchObject({ errors: [{ field: "shareQuantities", code: "shares_do_not_sum" }] });
  });

  const tooLong = "x".repeat(1001);
  it.each<[string, () => RecordDealInput, DealActor | (() => DealActor), string, string]>([
    ["a negative quantity", () => dealInput([lead.id], { lines: [{ product: "Batik", quantity: "-2", unit: "lembar", unitPrice: "10.000" }] }), () => asSeller(lead), "lines[0].quantity", "quantity_negative"],
    ["a price over Rp 1 triliun", () => dealInput([lead.id], { lines: [{ product: "Batik", quantity: "1", unit: "lembar", unitPrice: "1.000.000.000.001" }] }), () => asSeller(lead), "lines[0].unitPrice", "unit_price_too_large"],
    ["an unknown unit", () => dealInput([lead.id], { lines: [{ product: "Batik", quantity: "1", unit: "ton", unitPrice: "10.000" }] }), () => asSeller(lead), "lines[0].unit", "unit_invalid"],
    ["no product line", () => dealInput([lead.id], { lines: [] }), () => asSeller(lead), "lines", "no_lines"],
    ["no seller", () => dealInput([]), () => organizer, "sellerIds", "no_seller"],
    ["the same seller twice", () => dealInput([lead.id, lead.id]), () => organizer, "sellerIds", "duplicate_seller"],
    ["a seller of another event", () => dealInput([foreignSeller.id]), () => organizer, "sellerIds", "seller_not_in_event"],
    ["a seller recording a deal without their business", () => dealInput([partner.id]), () => asSeller(lead), "sellerIds", "actor_not_seller"],
    ["a buyer of another event", () => dealInput([lead.id], { buyerId: foreignBuyer.id, walkInBuyer: null }), () => organizer, "buyerId", "buyer_not_in_event"],
    ["a buyer recording for someone else", () => dealInput([lead.id], { buyerId: otherBuyer.id }), () => asBuyer(buyer), "buyerId", "buyer_not_self"],
    ["a walk-in buyer without a name", () => dealInput([lead.id], { walkInBuyer: { name: "  ", city: "", province: "" } }), () => asSeller(lead), "walkInBuyer.name", "buyer_required"],
    ["an MoU that is paid", () => dealInput([lead.id], { type: "mou_loi", status: "paid" }), () => asSeller(lead), "status", "status_not_for_type"],
    ["a delivery date in the past", () => dealInput([lead.id], { deliveryDate: "2026-11-19" }), () => asSeller(lead), "deliveryDate", "delivery_date_past"],
    ["a delivery date that is no date", () => dealInput([lead.id], { deliveryDate: "31-02-2027" }), () => asSeller(lead), "deliveryDate", "delivery_date_invalid"],
    ["a note over 1000 characters", () => dealInput([lead.id], { note: tooLong }), () => asSeller(lead), "note", "note_too_long"],
  ])("refuses %s, naming the field, and writes nothing", async (_what, input, actor, field, code) => {
    const before = await countRows(t.db, DEAL_TABLES);
    const res = await record(typeof actor === "function" ? actor() : actor, input());
    expect(res.ok).toBe(false);
    expect(res.ok ? [] : res.errors.map((e) => [e.field, e.code])).toContainEqual([field, code]);
    expect(await countRows(t.db, DEAL_TABLES)).toEqual(before);
  });

  it("records an organizer's entry as verified", async () => {
    const id = await recorded(organizer, dealInput([lead.id], { buyerId: buyer.id, walkInBuyer: null }));
    expect(await dealRow(id)).toMatchObject({ confirmation: "verified", enteredBy: "organizer", enteredByUserId: organizer.userId });
  });
});

describe("confirmation and status", () => {
  it("lets only the other side confirm, the organizer verify, and nobody else see the deal", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id], { buyerId: buyer.id, walkInBuyer: null }));
    expect(await confirmDealAs(t.db, event.id, id, asSeller(lead))).toEqual({ ok: false, reason: "own_entry" });
    expect(await confirmDealAs(t.db, event.id, id, asBuyer(otherBuyer))).toEqual({ ok: false, reason: "not_found" });
    expect(await confirmDealAs(t.db, event.id, id, asSeller(partner))).toEqual({ ok: false, reason: "not_found" });
    expect(await confirmDealAs(t.db, event.id, id, asBuyer(buyer))).toEqual({ ok: true, value: "confirmed" });
    expect(await confirmDealAs(t.db, event.id, id, asBuyer(buyer))).toEqual({ ok: false, reason: "already_confirmed" });
    expect(await confirmDealAs(t.db, event.id, id, organizer)).toEqual({ ok: true, value: "verified" });
    expect((await dealRow(id)).valueBucket).toBe("confirmed");
  });

  it("moves the status forward only, cancels, and then refuses every change", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id], { type: "purchase_order" }));
    expect(await changeDealStatus(t.db, event.id, id, asSeller(lead), "signed")).toEqual({ ok: true, value: "signed" });
    expect(await changeDealStatus(t.db, event.id, id, organizer, "agreed")).toEqual({ ok: false, reason: "backward" });
    expect(await changeDealStatus(t.db, event.id, id, asSeller(partner), "delivered")).toEqual({ ok: false, reason: "not_found" });
    expect(await changeDealStatus(t.db, event.id, id, organizer, "cancelled")).toEqual({ ok: true, value: "cancelled" });
    expect(await changeDealStatus(t.db, event.id, id, asSeller(lead), "paid")).toEqual({ ok: false, reason: "final_status" });
    expect(await confirmDealAs(t.db, event.id, id, organizer)).toEqual({ ok: false, reason: "deal_cancelled" });
    const mou = await recorded(asSeller(lead), dealInput([lead.id], { type: "mou_loi", status: "potential" }));
    expect(await changeDealStatus(t.db, event.id, mou, asSeller(lead), "delivered")).toEqual({ ok: false, reason: "not_for_type" });
  });

  it("of 20 simultaneous confirmations, exactly one wins", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id], { buyerId: buyer.id, walkInBuyer: null }));
    const results = await Promise.all(Array.from({ length: 20 }, () => confirmDealAs(t.db, event.id, id, asBuyer(buyer))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.reason)).every((r) => r === "already_confirmed")).toBe(true);
    expect(await t.db.selectFrom("dealStatusChange").select("confirmation").where("dealId", "=", id).where("fromStatus", "is not", null).execute())
      .toEqual([{ confirmation: "confirmed" }]);
  });

  it("of 20 simultaneous status changes from the same status, exactly one wins", async () => {
    const id = await recorded(asSeller(lead), dealInput([lead.id], { type: "contract" }));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => changeDealStatus(t.db, event.id, id, i % 2 ? organizer : asSeller(lead), "signed")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await dealRow(id)).version).toBe(2);
    expect(await t.db.selectFrom("dealStatusChange").select("toStatus").where("dealId", "=", id).where("fromStatus", "=", "agreed").execute()).toEqual([{ toStatus: "signed" }]);
  });
});

describe("participant summary", () => {
  it("adds up a participant's deals by how they count, with meetings held and order/sample leads", async () => {
    const { org } = await makeOrgWithStaff(t.db, "Dinas Koperasi Kediri", { owner: await makeAccount(t.db, "Pemilik"), admin: await makeAccount(t.db, "A"), curator: await makeAccount(t.db, "K"), gate_staff: await makeAccount(t.db, "G") });
    const fair = await makeDealEvent(t.db, org.id);
    const seller = await makeSeller(t.db, fair.id, { name: "Tenun Sikka", sector: "tenun_ikat" });
    const hotel = (await makeBuyer(t.db, fair.id, "Hotel Kediri")).participant;
    await makeHeldMeeting(t.db, seller, hotel, { nextStep: "order", note: "Pesan 50 selendang" });
    const rec = (input: Partial<RecordDealInput>, actor: DealActor = asSeller(seller)) => recordDeal(t.db, fair, actor, dealInput([seller.id], { buyerId: hotel.id, walkInBuyer: null, ...input }), DEAL_NOW);
    const confirmed = await rec({ lines: [{ product: "Selendang", quantity: "10", unit: "pcs", unitPrice: "100.000" }] });
    await confirmDealAs(t.db, fair.id, confirmed.ok ? confirmed.value.id : "", asBuyer(hotel));
    await rec({ lines: [{ product: "Kain", quantity: "1", unit: "meter", unitPrice: "50.000" }] });
    await rec({ type: "mou_loi", status: "potential", lines: [{ product: "Kain", quantity: "100", unit: "meter", unitPrice: "50.000" }] });
    const forBuyer = await participantSummary(t.db, fair.id, hotel.id);
    expect(forBuyer.totals).toEqual({ confirmed: 1_000_000n, unconfirmed: 50_000n, potential: 5_000_000n, none: 0n, count: 3 });
    expect(forBuyer.meetingsHeld).toBe(1);
    expect(forBuyer.leads).toMatchObject([{ otherName: "Tenun Sikka", nextStep: "order", note: "Pesan 50 selendang" }]);
    const forSeller = await participantSummary(t.db, fair.id, seller.id);
    expect(forSeller.totals.confirmed).toBe(1_000_000n);
    expect(forSeller.leads).toEqual([]);
  });
});
