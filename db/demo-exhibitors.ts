/**
 * The demo's exhibitors (loaded after demo.ts, through the same use-cases as the app): the call with booth sizes
 * and curation criteria, booths in both halls, twelve UMKM from Surakarta, Kediri and guests with profiles and
 * products, and their applications in every state — accepted with booths, scored and waiting for a decision,
 * submitted, waitlisted, rejected — so the curator's queue, the floor plan and the public directory have content.
 */
import { assignBoothBatch } from "~/booths/assign.server";
import { createBoothsInBulk } from "~/booths/booths.server";
import { saveScores } from "~/curation/curation.server";
import { decideApplication } from "~/curation/decisions.server";
import { saveApplication } from "~/exhibitors/applications.server";
import { addProduct, createBusiness } from "~/exhibitors/businesses.server";
import { BusinessSchema } from "~/exhibitors/exhibitor.schema";
import { addBoothSize, addCriterion, saveCall } from "~/exhibitors/calls.server";
import { signUp } from "~/accounts/accounts.server";
import type { Sector, UmkmClass } from "./schema";
import type { Db } from "./index";

export const DEMO_EXHIBITOR_LOGIN = { email: "umkm@batik-laweyan.test", name: "Rina Hartati" } as const;

type Umkm = {
  name: string; owner: string; sector: Sector; umkmClass: UmkmClass; city: string; province: string; whatsapp: string;
  capacity: [number, string]; products: Array<[string, number]>; outcome: "booth" | "scored" | "submitted" | "waitlist" | "reject";
  email?: string;
};

const UMKM: Umkm[] = [
  { name: "Batik Laweyan Hartati", owner: DEMO_EXHIBITOR_LOGIN.name, email: DEMO_EXHIBITOR_LOGIN.email, sector: "batik_tulis", umkmClass: "kecil", city: "Kota Surakarta", province: "Jawa Tengah", whatsapp: "0812-2650-1101", capacity: [300, "lembar/bulan"], products: [["Batik tulis Sidomukti", 1_250_000], ["Kain batik tulis Parang Kusumo", 950_000]], outcome: "booth" },
  { name: "Tenun Ikat Bandar Kidul", owner: "Siti Aminah", sector: "tenun_ikat", umkmClass: "mikro", city: "Kota Kediri", province: "Jawa Timur", whatsapp: "0813-3591-2202", capacity: [120, "lembar/bulan"], products: [["Sarung tenun ikat Kediri", 450_000], ["Selendang tenun motif Kelud", 275_000]], outcome: "booth" },
  { name: "Batik Kauman Mulyo", owner: "Hendro Wibowo", sector: "batik_cap", umkmClass: "kecil", city: "Kota Surakarta", province: "Jawa Tengah", whatsapp: "0857-2811-3303", capacity: [800, "lembar/bulan"], products: [["Batik cap Kawung", 185_000]], outcome: "booth" },
  { name: "Tenun Ikat Dhoho", owner: "Puji Rahayu", sector: "tenun_ikat", umkmClass: "kecil", city: "Kota Kediri", province: "Jawa Timur", whatsapp: "0822-3344-4404", capacity: [200, "lembar/bulan"], products: [["Kain tenun ikat ATBM", 650_000]], outcome: "booth" },
  { name: "Kriya Bambu Sukoharjo", owner: "Joko Susilo", sector: "kriya", umkmClass: "mikro", city: "Kabupaten Sukoharjo", province: "Jawa Tengah", whatsapp: "0815-4812-5505", capacity: [500, "pcs/bulan"], products: [["Tas anyaman bambu", 125_000]], outcome: "booth" },
  { name: "Batik Pesisir Lasem Sekar", owner: "Lestari Ningsih", sector: "batik_tulis", umkmClass: "menengah", city: "Kabupaten Rembang", province: "Jawa Tengah", whatsapp: "0878-3300-6606", capacity: [1000, "lembar/bulan"], products: [["Batik tulis Lasem tiga negeri", 2_400_000]], outcome: "scored" },
  { name: "Songket Palembang Cek Ipah", owner: "Nurhasanah", sector: "songket", umkmClass: "kecil", city: "Kota Palembang", province: "Sumatera Selatan", whatsapp: "0811-7890-7707", capacity: [40, "lembar/bulan"], products: [["Songket lepus benang emas", 7_500_000]], outcome: "scored" },
  { name: "Keripik Tempe Sanan Kediri", owner: "Bambang Hariyadi", sector: "kuliner", umkmClass: "mikro", city: "Kota Kediri", province: "Jawa Timur", whatsapp: "0852-3456-8808", capacity: [2000, "bungkus/bulan"], products: [["Keripik tempe original 250 g", 18_000]], outcome: "submitted" },
  { name: "Batik Printing Nusantara", owner: "Yudi Pratama", sector: "batik_printing", umkmClass: "menengah", city: "Kota Pekalongan", province: "Jawa Tengah", whatsapp: "0856-4020-9909", capacity: [5000, "meter/bulan"], products: [["Kain batik printing", 35_000]], outcome: "submitted" },
  { name: "Tenun Sikka Watublapi", owner: "Maria Goreti", sector: "tenun_ikat", umkmClass: "mikro", city: "Kabupaten Sikka", province: "Nusa Tenggara Timur", whatsapp: "0813-3900-1010", capacity: [30, "lembar/bulan"], products: [["Kain tenun ikat Sikka pewarna alam", 1_800_000]], outcome: "submitted" },
  { name: "Aksesoris Lurik Klaten", owner: "Wahyu Setiawan", sector: "aksesoris", umkmClass: "mikro", city: "Kabupaten Klaten", province: "Jawa Tengah", whatsapp: "0819-0410-1111", capacity: [600, "pcs/bulan"], products: [["Dompet lurik", 45_000]], outcome: "waitlist" },
  { name: "Fashion Muslim Solo Asri", owner: "Ratna Dewi", sector: "fashion", umkmClass: "kecil", city: "Kota Surakarta", province: "Jawa Tengah", whatsapp: "0821-3700-1212", capacity: [400, "pcs/bulan"], products: [["Gamis batik kombinasi", 325_000]], outcome: "reject" },
];

type DemoContext = {
  event: { id: string; slug: string; name: string; timeZone: string; organizationId: string };
  organizerName: string;
  hallIds: [string, string];
  admin: { id: string };
  curator: { id: string };
  password: string;
  appUrl: string;
  now: Date;
};

/** Loads the exhibitors part of the demo (call, booths, UMKM, applications, decisions, booths assigned). */
export async function loadDemoExhibitors(db: Db, ctx: DemoContext): Promise<void> {
  const { event } = ctx;
  must(await saveCall(db, event, { intent: "save-call", opensDay: "2026-11-01", opensTime: "08:00", closesDay: "2026-12-07", closesTime: "23:59", sectors: [], intro: "Pendaftaran UMKM batik, tenun, kriya, dan kuliner. Kurasi oleh Rumah Kurasi Kota Kediri dan Kadin Surakarta." }), "call");
  must(await addBoothSize(db, event.id, { sizeM2: 9, fee: "1500000", staffLimit: 2 }), "size 9");
  must(await addBoothSize(db, event.id, { sizeM2: 18, fee: "2750000", staffLimit: 4 }), "size 18");
  const criteria: string[] = [];
  for (const [name, weight] of [["Kualitas produk", 40], ["Keunikan motif dan bahan", 30], ["Kesiapan produksi", 30]] as const) {
    criteria.push(must(await addCriterion(db, event.id, { name, weight }), name).id);
  }
  const bulk = (hallId: string, codePattern: string, rows: number, cols: number, w: number, h: number, price: string) =>
    createBoothsInBulk(db, event.id, { intent: "bulk-create", hallId, rows, cols, startX: 2, startY: 2, w, h, aisleEvery: 5, aisleWidth: 3, codePattern, zone: "", price }, { dryRun: false });
  must(await bulk(ctx.hallIds[0], "A-{nn}", 2, 10, 3, 3, "1500000"), "hall A booths");
  must(await bulk(ctx.hallIds[1], "B-{nn}", 2, 5, 3, 6, "2750000"), "hall B booths");

  const accepted: string[] = [];
  for (const [i, u] of UMKM.entries()) {
    const email = u.email ?? `${u.name.toLowerCase().replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "")}@umkm.test`;
    const user = must(await signUp(db, { name: u.owner, email, password: ctx.password, locale: "id" }), email);
    // Through the profile form's schema, so the WhatsApp number is normalised exactly as when a user types it.
    const business = must(await createBusiness(db, user.id, BusinessSchema.parse({
      name: u.name, ownerName: u.owner, umkmClass: u.umkmClass, sector: u.sector, city: u.city, province: u.province, email,
      whatsapp: u.whatsapp, description: `${u.name}: produsen ${u.products[0]![0].toLowerCase()} dari ${u.city}.`,
      capacityQuantity: String(u.capacity[0]), capacityUnit: u.capacity[1],
    })), u.name);
    for (const [name, price] of u.products) must(await addProduct(db, business.id, { name, description: "", price: String(price), photoUploadId: null }), name);
    const size = u.sector === "batik_tulis" && u.umkmClass === "menengah" ? 18 : 9;
    const app = must(await saveApplication(db, {
      business: { id: business.id, name: u.name, sector: u.sector, email },
      event: { id: event.id, slug: event.slug, name: event.name, organizationId: event.organizationId, organizerName: ctx.organizerName },
      input: { intent: "submit", preferredSizeM2: size, preferredZone: "", motivation: "Memperluas pasar ke pembeli hotel, ritel, dan ekspor.", historyYears: (i % 4) + 1 },
      locale: "id", appUrl: ctx.appUrl,
    }, new Date(ctx.now.getTime() + i * 60_000)), `application ${u.name}`);
    if (u.outcome === "submitted") continue;
    must(await saveScores(db, {
      eventId: event.id, applicationId: app.id, curatorUserId: ctx.curator.id,
      scores: criteria.map((criterionId, k) => ({ criterionId, score: u.outcome === "reject" ? 2 : 3 + ((i + k) % 3), comment: "" })),
    }), `scores ${u.name}`);
    if (u.outcome === "scored") continue;
    const decision = u.outcome === "booth" ? "accept" : u.outcome;
    const message = { accept: "Selamat, produk Anda lolos kurasi.", waitlist: "Anda masuk daftar tunggu; kami kabari bila ada stan kosong.", reject: "Produk belum sesuai tema pameran tahun ini." }[decision];
    must(await decideApplication(db, { organization: { id: event.organizationId, name: ctx.organizerName }, event, actorUserId: ctx.admin.id }, { applicationId: app.id, decision, from: "submitted", message }), `decide ${u.name}`);
    if (decision === "accept") accepted.push(app.id);
  }
  const freeBooths = await db.selectFrom("booth").select("id").where("eventId", "=", event.id).where("sizeM2", "=", 9).orderBy("code").limit(accepted.length).execute();
  must(await assignBoothBatch(db, {
    eventId: event.id, items: accepted.map((applicationId, i) => ({ applicationId, boothId: freeBooths[i]!.id })),
    method: "manual", by: ctx.admin.id, now: ctx.now, appUrl: ctx.appUrl,
  }), "booths");
}

function must<T>(result: { ok: true; value: T } | { ok: false; reason: string }, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${result.reason}`);
  return result.value;
}
