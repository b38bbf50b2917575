/**
 * Deterministic demo data, written through the same use-case functions as the app:
 * "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta" (3 days in Surakarta, WIB) with two halls, rooms,
 * the two cooperating cities and a full agenda. The logins are listed in DEMO_LOGINS and the README.
 */
import { createSession } from "~/agenda/agenda.server";
import { signUp } from "~/accounts/accounts.server";
import { addHall, addRegion, addRoom, createEvent, setEventPublished } from "~/events/events.server";
import { acceptInvitation, createOrganization, inviteMember } from "~/organizations/organizations.server";
import { loadDemoBadges } from "./demo-badges";
import { DEMO_BUYER_LOGIN, loadDemoDeals } from "./demo-deals";
import { DEMO_EXHIBITOR_LOGIN, loadDemoExhibitors } from "./demo-exhibitors";
import type { Db } from "./index";

export const DEMO_PASSWORD = "pendopo-demo-2026";
export const DEMO_LOGINS = [
  { email: "pemilik@kadin-solo.test", name: "Budi Santoso", role: "owner" },
  { email: "admin@kadin-solo.test", name: "Sari Wulandari", role: "admin" },
  { email: "kurator@kadin-solo.test", name: "Dewi Lestari", role: "curator" },
  { email: "petugas@kadin-solo.test", name: "Agus Prasetyo", role: "gate_staff" },
] as const;
export { DEMO_BUYER_LOGIN, DEMO_EXHIBITOR_LOGIN };

export const DEMO_EVENT_SLUG = "temu-bisnis-batik-tenun-kediri-surakarta";
const DAYS = ["2026-12-14", "2026-12-15", "2026-12-16"] as const;

type Session = [day: 0 | 1 | 2, start: string, end: string, room: string | null, type: Parameters<typeof createSession>[2]["type"], title: string, speakers?: string];
const AGENDA: Session[] = [
  [0, "08:00", "09:00", "Pendapi Ageng", "opening", "Pembukaan dan pemukulan gong", "Wali Kota Surakarta, Wali Kota Kediri"],
  [0, "09:00", "17:00", null, "exhibition_hours", "Pameran batik dan tenun ikat (Hall A & B)"],
  [0, "09:30", "11:00", "Ruang Parang", "talk", "Peluang pasar batik di marketplace", "TikTok Shop, Tokopedia"],
  [0, "13:00", "15:00", "Ruang Kawung", "training", "Pelatihan kemasan produk bersama Rumah Kurasi Kediri", "Rumah Kurasi Kota Kediri"],
  [0, "13:00", "16:00", "Area Temu Bisnis", "business_matching", "Temu bisnis sesi 1: pembeli ritel dan hotel"],
  [1, "09:00", "17:00", null, "exhibition_hours", "Pameran batik dan tenun ikat (Hall A & B)"],
  [1, "09:00", "11:00", "Ruang Kawung", "training", "Standardisasi produksi dan sertifikasi BBSPJIKB", "BBSPJIKB Yogyakarta"],
  [1, "09:00", "12:00", "Area Temu Bisnis", "business_matching", "Temu bisnis sesi 2: eksportir dan kurator marketplace"],
  [1, "13:00", "14:30", "Ruang Parang", "talk", "Konsorsium UMKM: berbagi pesanan besar", "Dinas Koperasi & UMKM Kota Surakarta"],
  [2, "09:00", "15:00", null, "exhibition_hours", "Pameran batik dan tenun ikat (Hall A & B)"],
  [2, "10:00", "11:30", "Pendapi Ageng", "mou_signing", "Penandatanganan MoU Kadin Kota Kediri × Kadin Surakarta", "Ketua Kadin Kota Kediri, Ketua Kadin Surakarta"],
  [2, "13:00", "14:00", "Pendapi Ageng", "other", "Pengumuman nilai transaksi dan penutupan"],
];

/** Loads the demo once; returns false when it is already there. */
export async function loadDemo(db: Db, appUrl = "http://localhost:3000"): Promise<boolean> {
  const exists = await db.selectFrom("appUser").select("id").where("email", "=", DEMO_LOGINS[0].email).executeTakeFirst();
  if (exists) return false;
  const now = new Date("2026-11-23T02:00:00Z");
  const setup = await db.transaction().execute(async (trx) => {
    const users = [];
    for (const login of DEMO_LOGINS) {
      const created = await signUp(trx, { name: login.name, email: login.email, password: DEMO_PASSWORD, locale: "id" });
      if (!created.ok) throw new Error(`demo user ${login.email}: ${created.reason}`);
      users.push({ ...login, id: created.value.id });
    }
    const [owner, ...team] = users;
    const org = await createOrganization(trx, { name: "Kadin Kota Surakarta", kind: "kadin", city: "Kota Surakarta", ownerId: owner!.id });
    for (const member of team) {
      const invited = await inviteMember(trx, {
        organization: { id: org.id, name: "Kadin Kota Surakarta" }, inviter: owner!, email: member.email,
        role: member.role as "admin" | "curator" | "gate_staff", locale: "id", appUrl, now,
      });
      if (!invited.ok) throw new Error(invited.reason);
      await acceptInvitationById(trx, invited.value.id, member.id, now);
    }
    const event = await createEvent(trx, org.id, {
      name: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta", kind: "temu_bisnis", slug: DEMO_EVENT_SLUG,
      description: "Business to Business expo UMKM batik Kota Surakarta dan tenun ikat Kota Kediri: pameran, pelatihan, temu bisnis, dan penandatanganan MoU antar-Kadin.",
      venueName: "Hotel Sunan Solo", address: "Jl. Adi Sucipto No. 47", city: "Kota Surakarta",
      timeZone: "Asia/Jakarta", firstDay: DAYS[0], lastDay: DAYS[2],
    });
    if (!event.ok) throw new Error(event.reason);
    const hallA = await addHall(trx, event.value.id, { name: "Hall A – Batik Solo", capacity: 600 });
    const hallB = await addHall(trx, event.value.id, { name: "Hall B – Tenun Ikat Kediri", capacity: 400 });
    if (!hallA.ok || !hallB.ok) throw new Error("demo halls");
    const rooms = new Map<string, string>();
    for (const [name, hallId, capacity] of [["Pendapi Ageng", hallA.value.id, 300], ["Ruang Parang", hallA.value.id, 80], ["Ruang Kawung", hallB.value.id, 60], ["Area Temu Bisnis", hallB.value.id, 120]] as const) {
      const room = await addRoom(trx, event.value.id, { name, hallId, capacity });
      if (!room.ok) throw new Error(room.reason);
      rooms.set(name, room.value.id);
    }
    await addRegion(trx, event.value.id, { name: "Kota Surakarta", province: "Jawa Tengah", delegation: "Kadin Kota Surakarta, Dinas Koperasi & UMKM Kota Surakarta" });
    await addRegion(trx, event.value.id, { name: "Kota Kediri", province: "Jawa Timur", delegation: "Kadin Kota Kediri, Rumah Kurasi Kota Kediri" });
    const ref = { id: event.value.id, timeZone: "Asia/Jakarta", firstDay: DAYS[0], lastDay: DAYS[2] };
    for (const [day, startTime, endTime, room, type, title, speakers] of AGENDA) {
      const created = await createSession(trx, ref, {
        day: DAYS[day], startTime, endTime, roomId: room ? rooms.get(room) : undefined, type, title, speakers: speakers ?? "", description: "",
      });
      if (!created.ok) throw new Error(`demo session ${title}: ${created.reason}`);
    }
    await setEventPublished(trx, event.value.id, true, now);
    return {
      event: { id: event.value.id, slug: DEMO_EVENT_SLUG, name: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta", timeZone: "Asia/Jakarta", organizationId: org.id },
      hallIds: [hallA.value.id, hallB.value.id] as [string, string],
      admin: users.find((u) => u.role === "admin")!, curator: users.find((u) => u.role === "curator")!,
    };
  });
  // The exhibitor use-cases open their own transactions, so this part runs after the one above has committed.
  await loadDemoExhibitors(db, { ...setup, organizerName: "Kadin Kota Surakarta", password: DEMO_PASSWORD, appUrl, now });
  await loadDemoDeals(db, { ...setup, password: DEMO_PASSWORD });
  await loadDemoBadges(db, { ...setup, firstDay: DAYS[0] });
  return true;
}

// Demo members accept their invitation directly (no emailed token to click); same use-case underneath.
async function acceptInvitationById(db: Parameters<typeof acceptInvitation>[0], invitationId: string, userId: string, now: Date) {
  const { newToken, hashToken } = await import("~/utils/crypto.server");
  const token = newToken();
  await db.updateTable("invitation").set({ tokenHash: hashToken(token) }).where("id", "=", invitationId).execute();
  const accepted = await acceptInvitation(db, { token, userId, now });
  if (!accepted.ok) throw new Error(accepted.reason);
}
