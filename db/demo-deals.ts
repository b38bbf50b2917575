/**
 * The deals part of the demo: two buyers with logins, a deal target of Rp 5 miliar, and deals in each reported
 * figure — a purchase order the buyer still has to confirm, a consortium order of tenun ikat shared by two Kediri
 * producers (verified by the organizer), a walk-in sale at a booth, an LOI (potential value) and a cancellation.
 * Written through the same use-cases as the app.
 */
import { AgreementSchema } from "~/deals/agreement.schema";
import { createAgreement } from "~/deals/agreements.server";
import { listSellers } from "~/deals/deal-parties.server";
import { recordDeal, changeDealStatus, type DealActor, type RecordDealInput } from "~/deals/deals.server";
import { signUp } from "~/accounts/accounts.server";
import { findParticipant, saveBuyerProfile } from "~/meetings/participants.server";
import { BuyerProfileSchema } from "~/meetings/matchmaking.schema";
import { setDealTarget } from "~/reports/target.server";
import type { Db } from "./index";

export const DEMO_BUYER_LOGIN = { email: "pembeli@hotel-sunan.test", name: "Andi Kurniawan" } as const;

const BUYERS = [
  { ...DEMO_BUYER_LOGIN, organization: "Hotel Sunan Solo", buyerType: "horeka", city: "Kota Surakarta", province: "Jawa Tengah", sought: "batik tulis untuk seragam dan suvenir tamu" },
  { email: "pengadaan@galeri-wastra.test", name: "Melati Sasmita", organization: "Galeri Wastra Nusantara", buyerType: "retailer", city: "Kota Jakarta Selatan", province: "DKI Jakarta", sought: "tenun ikat dan batik tulis untuk butik" },
] as const;

type Ctx = { event: { id: string; timeZone: string; organizationId: string }; admin: { id: string }; password: string };

/** Loads buyers and deals (after the exhibitors part, whose accepted UMKM are the sellers). */
export async function loadDemoDeals(db: Db, ctx: Ctx): Promise<void> {
  const { event } = ctx;
  const buyers = [];
  for (const b of BUYERS) {
    const user = must(await signUp(db, { name: b.name, email: b.email, password: ctx.password, locale: "id" }), b.email);
    must(await saveBuyerProfile(db, event.id, user.id, BuyerProfileSchema.parse({
      organization: b.organization, buyerType: b.buyerType, sectors: ["batik_tulis", "tenun_ikat"], productsSought: b.sought,
      city: b.city, province: b.province, country: "ID", email: b.email,
    })), b.organization);
    buyers.push((await findParticipant(db, event.id, user.id))!);
  }
  const sellers = new Map((await listSellers(db, event.id)).map((s) => [s.name, s]));
  const seller = (name: string) => sellers.get(name)!;
  const [hotel, galeri] = buyers as [NonNullable<(typeof buyers)[number]>, NonNullable<(typeof buyers)[number]>];
  const organizer: DealActor = { party: "organizer", userId: ctx.admin.id };
  const asSeller = (name: string): DealActor => {
    const s = seller(name);
    return { party: "seller", userId: s.userId, participantId: s.id };
  };
  const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 11, 14 + d, hour - 7));
  const record = async (actor: DealActor, input: RecordDealInput, at: Date) => {
    const res = await recordDeal(db, event, actor, input, at);
    if (!res.ok) throw new Error(`demo deal: ${JSON.stringify(res.errors)}`);
    return res.value.id;
  };
  const line = (product: string, quantity: string, unit: string, unitPrice: string) => ({ product, quantity, unit, unitPrice });

  await setDealTarget(db, { eventId: event.id, organizationId: event.organizationId, userId: ctx.admin.id, target: 5_000_000_000n });
  await record(asSeller("Batik Laweyan Hartati"), {
    buyerId: hotel.id, sellerIds: [seller("Batik Laweyan Hartati").id], type: "purchase_order", status: "agreed", deliveryDate: "2027-01-15",
    lines: [line("Batik tulis Sidomukti", "40", "lembar", "1.250.000"), line("Kain batik tulis Parang Kusumo", "20", "lembar", "950.000")],
    note: "Seragam resepsionis dan suvenir tamu VIP.",
  }, day(0, 14));
  await record(organizer, {
    buyerId: galeri.id, sellerIds: [seller("Tenun Ikat Dhoho").id, seller("Tenun Ikat Bandar Kidul").id], shareQuantities: [180, 120],
    type: "contract", status: "signed", deliveryDate: "2027-02-28", lines: [line("Selendang tenun ikat motif Kelud", "300", "lembar", "275.000")],
    note: "Pesanan konsorsium: dibagi dua produsen tenun Kota Kediri sesuai kapasitas.",
  }, day(1, 11));
  await record(asSeller("Batik Kauman Mulyo"), {
    walkInBuyer: { name: "Ibu Ratna (pengunjung)", city: "Kabupaten Karanganyar", province: "Jawa Tengah" }, sellerIds: [seller("Batik Kauman Mulyo").id],
    type: "on_site_sale", status: "paid", lines: [line("Batik cap Kawung", "5", "lembar", "185.000")],
  }, day(1, 15));
  await record(organizer, {
    buyerId: galeri.id, sellerIds: [seller("Batik Laweyan Hartati").id], type: "mou_loi", status: "signed",
    lines: [line("Pasokan batik tulis 2027 (LOI)", "1", "paket", "2.000.000.000")],
  }, day(2, 10));
  const cancelled = await record(asSeller("Kriya Bambu Sukoharjo"), {
    buyerId: hotel.id, sellerIds: [seller("Kriya Bambu Sukoharjo").id], type: "purchase_order", status: "agreed",
    lines: [line("Tas anyaman bambu", "100", "pcs", "125.000")],
  }, day(2, 13));
  must(await changeDealStatus(db, event.id, cancelled, asSeller("Kriya Bambu Sukoharjo"), "cancelled"), "cancel");
  await loadDemoAgreements(db, ctx);
}

/** The MoU signed on the last day (seeds 000/001) and a cooperation between the two cities' cooperative offices. */
async function loadDemoAgreements(db: Db, ctx: Ctx) {
  const actor = { userId: ctx.admin.id, organizationId: ctx.event.organizationId };
  const kediri = { city: "Kota Kediri", province: "Jawa Timur" };
  const solo = { city: "Kota Surakarta", province: "Jawa Tengah" };
  const agreements = [
    { title: "Nota kesepahaman kerja sama perdagangan batik dan tenun ikat", kind: "mou", signedOn: "2026-12-16", place: "Hotel Sunan Solo",
      scope: "Temu bisnis tahunan bergantian di Kediri dan Surakarta, pertukaran data UMKM, kurasi produk bersama Rumah Kurasi Kota Kediri.",
      parties: [
        { name: "Kadin Kota Kediri", kind: "kadin", ...kediri, signatoryName: "Ketua Kadin Kota Kediri", signatoryTitle: "Ketua" },
        { name: "Kadin Kota Surakarta", kind: "kadin", ...solo, signatoryName: "Ketua Kadin Kota Surakarta", signatoryTitle: "Ketua" },
      ] },
    { title: "Perjanjian kerja sama pendampingan UMKM", kind: "pks", signedOn: "2026-12-16", place: "Hotel Sunan Solo",
      scope: "Pelatihan kemasan dan standardisasi produksi bagi UMKM batik dan tenun kedua kota.",
      parties: [
        { name: "Dinas Koperasi dan UMKM Kota Kediri", kind: "dinas", ...kediri, signatoryName: "", signatoryTitle: "Kepala Dinas" },
        { name: "Dinas Koperasi, UKM dan Perindustrian Kota Surakarta", kind: "dinas", ...solo, signatoryName: "", signatoryTitle: "Kepala Dinas" },
      ] },
  ];
  for (const a of agreements) await createAgreement(db, ctx.event.id, actor, AgreementSchema.parse(a), null);
}

function must<T>(result: { ok: true; value: T } | { ok: false; reason: string }, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${result.reason}`);
  return result.value;
}
