/**
 * The badges and gates part of the demo: badges of every kind (no emails sent), a check-in list for the main gate
 * with one paired device, and the first morning's entries, so the badge list, the print page and the live gate
 * dashboard have something to show. Written through the same use-cases as the app.
 */
import { createBadge, getDeliveryEvent } from "~/badges/badge-actions.server";
import type { AddBadgeValue } from "~/badges/badge-forms.schema";
import { recordScan } from "~/checkin/checkin.server";
import { authenticateGateDevice, createCheckinList, createGateDevice } from "~/checkin/gates.server";
import type { Db } from "./index";

type Person = Omit<AddBadgeValue, "sendEmail" | "locale" | "whatsappOptIn" | "email" | "phone"> & { email?: string };

const PEOPLE: Person[] = [
  { kind: "vip", holderName: "Wali Kota Surakarta", organizationName: "Pemerintah Kota Surakarta" },
  { kind: "vip", holderName: "Ketua Kadin Kota Kediri", organizationName: "Kadin Kota Kediri" },
  { kind: "buyer", holderName: "Andi Kurniawan", organizationName: "Hotel Sunan Solo", email: "pembeli@hotel-sunan.test" },
  { kind: "buyer", holderName: "Melati Sasmita", organizationName: "Galeri Wastra Nusantara", email: "pengadaan@galeri-wastra.test" },
  { kind: "press", holderName: "Rina Hapsari", organizationName: "Solopos" },
  { kind: "staff", holderName: "Dimas Prasetyo", organizationName: "Panitia Kadin Kota Surakarta" },
  { kind: "staff", holderName: "Wulan Sari", organizationName: "Panitia Kadin Kota Surakarta" },
  { kind: "visitor", holderName: "Bambang Wijaya", organizationName: "Koperasi Batik Kauman" },
  { kind: "visitor", holderName: "Siti Aminah", organizationName: "" },
  { kind: "visitor", holderName: "Yohanes Lamury", organizationName: "Sanggar Tenun Sikka" },
];

/** Entries on the first morning (local time, WIB), by index into PEOPLE. */
const ENTRIES: Array<[number, string]> = [[5, "07:45"], [6, "07:52"], [0, "08:55"], [1, "09:02"], [4, "09:10"], [2, "09:31"], [7, "10:05"], [9, "10:40"]];

type Ctx = { event: { id: string }; admin: { id: string }; firstDay: string };

export async function loadDemoBadges(db: Db, ctx: Ctx): Promise<void> {
  const now = new Date(`${ctx.firstDay}T04:00:00Z`); // 11:00 WIB on the first day
  const event = (await getDeliveryEvent(db, ctx.event.id))!;
  const badges = [];
  for (const p of PEOPLE) {
    const issued = await createBadge(db, { event, by: ctx.admin.id, now }, { ...p, email: p.email ?? null, phone: "", locale: "id", whatsappOptIn: false }, { sendEmail: false });
    if (!issued.ok) throw new Error(`demo badge ${p.holderName}: ${issued.reason}`);
    badges.push(issued.value);
  }
  const list = await createCheckinList(db, ctx.event.id, { name: "Gerbang Utama", allowEntryAfterExit: true }, { by: ctx.admin.id, now });
  if (!list.ok) throw new Error(`demo list: ${list.reason}`);
  const device = await createGateDevice(db, { eventId: ctx.event.id, checkinListId: list.value.id, name: "Gerbang A (lobi)" }, { by: ctx.admin.id, now });
  if (!device.ok) throw new Error(`demo gate: ${device.reason}`);
  const gate = await authenticateGateDevice(db, device.value.token, now);
  if (!gate.ok) throw new Error(`demo gate: ${gate.reason}`);
  for (const [i, [who, time]] of ENTRIES.entries()) {
    const scannedAt = `${ctx.firstDay}T${time}:00+07:00`;
    await recordScan(db, gate.value, { code: badges[who]!.qr, type: "entry", nonce: `demo-entry-${i}`, scannedAt }, now);
  }
}
