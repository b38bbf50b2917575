// The deals dashboard on the built app vs the bare node:http reference of perf.md §E (issue 7: "the dashboard for
// an event with 100,000 deals and 20,000 check-ins answers in ≤ 300 ms p50 on this machine").
//
//   npx tsx bench/reports/dashboard.ts                # builds, 3 runs, writes the dashboard section of bench/reports/RESULTS.md
//   npx tsx bench/reports/dashboard.ts --quick        # 1 short run, prints only (smoke test)
//   options: --runs N, --no-build, --profile (CPU profile of the app server in tmp/dash-profile),
//            --keep (keep the database and print its URL, for EXPLAIN ANALYZE), BENCH_PG_URL
//            (default postgres://postgres@127.0.0.1:5432/postgres)
//
// A fresh PostgreSQL database `pendopo_bench_dash_<ts>` is migrated and seeded with set-based SQL (unnest of
// generated arrays, seed 7): one organization with a signed-in owner, one published 3-day event, 400 sellers
// (business + accepted application + seller participant; 30 regions, 10 sectors, 3 UMKM classes), 800 buyers,
// 3,000 meetings, 100,000 deals (≈10 % consortium deals with 2–3 sellers, 1–3 lines each, ≈20 % from a meeting,
// ≈15 % walk-in buyers) and 20,000 badges with one successful entry check-in each.
// Per run: (a) the app, `node server.mjs build/index.js` (NODE_ENV=production, DATABASE_URL = the bench db), GET
// of /o/<org>/events/<event>/deals with the owner's cookie: warm-up, closed loop with 1 connection (p50, p99)
// and with 4 connections (req/s); loadReportModel alone in this process (p50 of 20 calls). (b) the reference: a
// bare node:http server writing the captured bytes of that page, same loops → ratios app / reference.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb, migrateToLatest, type Db } from "../../db/index";
import { rebuildReportCells } from "../../app/reports/report-cells.server";
import { ensureEventKey } from "../../app/badges/badge-keys.server";
import { shortCodeFromBytes } from "../../app/badges/short-code";
import { createEvent } from "../../app/events/events.server";
import { createOrganization } from "../../app/organizations/organizations.server";
import { loadAggregates, loadCounts, loadReportModel } from "../../app/reports/report-data.server";
import { formatRupiah } from "../../app/utils/money";
import { createRng, type Rng } from "../../app/utils/rng";
import { createUserSession } from "../../app/utils/session.server";
import { closedLoopGet, get, type GetLoadResult } from "./http-load";
import { fmt, freePort, median, ROOT, start, stop, waitFor } from "../lib/processes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const keep = args.includes("--keep");
const RUNS = args.includes("--runs") && Number(args[args.indexOf("--runs") + 1]) > 0 ? Number(args[args.indexOf("--runs") + 1]) : quick ? 1 : 3;
const DEALS = 100_000;
const CHECKINS = 20_000;
const SELLERS = 400;
const BUYERS = 800;
const MEETINGS = 3_000;
const APP_1 = quick ? 10 : 30; // requests of the 1-connection loop on the app
const APP_4 = quick ? 20 : 60; // requests of the 4-connection loop on the app
const APP_CAP_MS = quick ? 15_000 : 45_000;
const REF_MS = quick ? 2_000 : 5_000;
const MODEL_CALLS = quick ? 8 : 20;
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const COMMAND = `npx tsx bench/reports/dashboard.ts${args.length ? ` ${args.join(" ")}` : ""}`;


// ---------- seeding ----------

type Col = { type: string; values: Array<string | number | bigint | boolean | null> };
/** One INSERT … SELECT FROM unnest(…) per chunk: every array travels as text[] and is cast in SQL. */
async function insertRows(sql: postgres.Sql, table: string, cols: Record<string, Col>, chunk = 25_000): Promise<void> {
  const names = Object.keys(cols);
  const n = cols[names[0]!]!.values.length;
  for (let start = 0; start < n; start += chunk) {
    const params = names.map((c) => cols[c]!.values.slice(start, start + chunk).map((v) => (v === null ? null : String(v))));
    const unnest = names.map((c, i) => `$${i + 1}::text[]::${cols[c]!.type}[]`).join(", ");
    await sql.unsafe(`insert into ${table} (${names.join(", ")}) select * from unnest(${unnest})`, params as never);
  }
}

const REGIONS: Array<[string, string]> = [
  ["Kota Surakarta", "Jawa Tengah"], ["Kota Semarang", "Jawa Tengah"], ["Kabupaten Pekalongan", "Jawa Tengah"], ["Kota Pekalongan", "Jawa Tengah"],
  ["Kabupaten Sragen", "Jawa Tengah"], ["Kabupaten Klaten", "Jawa Tengah"], ["Kabupaten Jepara", "Jawa Tengah"], ["Kota Yogyakarta", "DI Yogyakarta"],
  ["Kabupaten Bantul", "DI Yogyakarta"], ["Kota Kediri", "Jawa Timur"], ["Kota Surabaya", "Jawa Timur"], ["Kabupaten Madura", "Jawa Timur"],
  ["Kota Malang", "Jawa Timur"], ["Kota Bandung", "Jawa Barat"], ["Kota Cirebon", "Jawa Barat"], ["Kabupaten Garut", "Jawa Barat"],
  ["Kota Tasikmalaya", "Jawa Barat"], ["Kota Jakarta Pusat", "DKI Jakarta"], ["Kota Jakarta Selatan", "DKI Jakarta"], ["Kota Denpasar", "Bali"],
  ["Kabupaten Gianyar", "Bali"], ["Kota Palembang", "Sumatera Selatan"], ["Kota Padang", "Sumatera Barat"], ["Kota Medan", "Sumatera Utara"],
  ["Kota Makassar", "Sulawesi Selatan"], ["Kabupaten Wajo", "Sulawesi Selatan"], ["Kota Mataram", "Nusa Tenggara Barat"], ["Kota Kupang", "Nusa Tenggara Timur"],
  ["Kota Banjarmasin", "Kalimantan Selatan"], ["Kota Samarinda", "Kalimantan Timur"],
];
const SECTORS = ["batik_tulis", "batik_cap", "batik_printing", "tenun_ikat", "songket", "kriya", "kuliner", "fashion", "aksesoris", "lainnya"];
const UMKM = ["mikro", "kecil", "menengah"];
const DAYS = ["2026-12-13", "2026-12-14", "2026-12-15"];
const UNITS = ["lembar", "pcs", "kg", "meter", "kodi", "lusin", "set", "paket"];

/** Picks a key of `weights` with probability proportional to its weight. */
function pick<T extends string>(rnd: Rng, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let x = rnd() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[entries.length - 1]![0];
}
/** Skewed index in [0, n): a few sellers and buyers close many deals. */
const skewed = (rnd: Rng, n: number) => Math.min(n - 1, Math.floor(n * rnd() ** 2));

const STATUS_BY_TYPE = {
  on_site_sale: { paid: 80, delivered: 10, agreed: 5, cancelled: 5 },
  purchase_order: { potential: 10, agreed: 40, signed: 20, delivered: 15, paid: 10, cancelled: 5 },
  contract: { potential: 15, agreed: 25, signed: 50, cancelled: 10 },
  mou_loi: { potential: 25, agreed: 20, signed: 50, cancelled: 5 },
} as const;

type Seed = { orgSlug: string; eventId: string; cookie: string };

async function seed(db: Db, sql: postgres.Sql): Promise<Seed> {
  const rnd = createRng(7);
  const owner = await db.insertInto("appUser").values({ name: "Pemilik Bench", email: "owner@bench-dash.test", passwordHash: "-", locale: "id" }).returning("id").executeTakeFirstOrThrow();
  const org = await createOrganization(db, { name: "Kadin Bench Dasbor", kind: "kadin", city: "Surakarta", ownerId: owner.id });
  const created = await createEvent(db, org.id, {
    name: "Pameran Batik Nusantara Bench", kind: "pameran", slug: undefined, description: "", venueName: "Benteng Vastenburg", address: "Jl. Mayor Sunaryo",
    city: "Surakarta", timeZone: "Asia/Jakarta", firstDay: DAYS[0]!, lastDay: DAYS[2]!,
  });
  if (!created.ok) throw new Error(created.reason);
  const eventId = created.value.id;
  await db.updateTable("event").set({ status: "published", publishedAt: new Date(), dealTarget: "500000000000" }).where("id", "=", eventId).execute();
  const session = await createUserSession(db, { request: new Request("http://127.0.0.1/"), userId: owner.id, locale: "id", redirectTo: "/" });
  const cookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  // Sellers: account → business → accepted application → seller participant.
  const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
  const sellerUsers = ids(SELLERS), businesses = ids(SELLERS), applications = ids(SELLERS), sellers = ids(SELLERS);
  const buyerUsers = ids(BUYERS), buyers = ids(BUYERS);
  const sellerRegion = sellerUsers.map((_, i) => REGIONS[(i * 7) % REGIONS.length]!);
  const buyerRegion = buyerUsers.map(() => REGIONS[skewed(rnd, REGIONS.length)]!);
  const seq = (n: number, f: (i: number) => string | number | null) => Array.from({ length: n }, (_, i) => f(i));
  await insertRows(sql, "app_user", {
    id: { type: "uuid", values: [...sellerUsers, ...buyerUsers] },
    email: { type: "text", values: [...seq(SELLERS, (i) => `penjual${i}@bench-dash.test`), ...seq(BUYERS, (i) => `pembeli${i}@bench-dash.test`)] },
    name: { type: "text", values: [...seq(SELLERS, (i) => `Penjual ${i + 1}`), ...seq(BUYERS, (i) => `Pembeli ${i + 1}`)] },
    password_hash: { type: "text", values: seq(SELLERS + BUYERS, () => "-") },
  });
  await insertRows(sql, "business", {
    id: { type: "uuid", values: businesses }, owner_user_id: { type: "uuid", values: sellerUsers },
    name: { type: "text", values: seq(SELLERS, (i) => `UMKM Batik ${i + 1}`) }, owner_name: { type: "text", values: seq(SELLERS, (i) => `Penjual ${i + 1}`) },
    umkm_class: { type: "text", values: seq(SELLERS, (i) => UMKM[Math.floor(i / 10) % 3]!) }, sector: { type: "text", values: seq(SELLERS, (i) => SECTORS[i % 10]!) },
    city: { type: "text", values: sellerRegion.map((r) => r[0]) }, province: { type: "text", values: sellerRegion.map((r) => r[1]) },
    email: { type: "text", values: seq(SELLERS, (i) => `penjual${i}@bench-dash.test`) },
  });
  await insertRows(sql, "application", {
    id: { type: "uuid", values: applications }, event_id: { type: "uuid", values: seq(SELLERS, () => eventId) }, business_id: { type: "uuid", values: businesses },
    status: { type: "text", values: seq(SELLERS, () => "accepted") },
  });
  const feed = () => `mf_${randomBytes(24).toString("base64url")}`;
  await insertRows(sql, "meeting_participant", {
    id: { type: "uuid", values: [...sellers, ...buyers] }, event_id: { type: "uuid", values: seq(SELLERS + BUYERS, () => eventId) },
    user_id: { type: "uuid", values: [...sellerUsers, ...buyerUsers] }, kind: { type: "text", values: [...seq(SELLERS, () => "seller"), ...seq(BUYERS, () => "buyer")] },
    application_id: { type: "uuid", values: [...applications, ...seq(BUYERS, () => null)] },
    organization: { type: "text", values: [...seq(SELLERS, (i) => `UMKM Batik ${i + 1}`), ...seq(BUYERS, (i) => `Toko Kain ${i + 1}`)] },
    city: { type: "text", values: [...sellerRegion.map((r) => r[0]), ...buyerRegion.map((r) => r[0])] },
    province: { type: "text", values: [...sellerRegion.map((r) => r[1]), ...buyerRegion.map((r) => r[1])] },
    feed_token: { type: "text", values: seq(SELLERS + BUYERS, feed) },
  });

  // Meetings: one block per day, 16 slots of 30 min, 3,000 buyer→seller meetings (distinct pairs), 75 % held.
  const blocks = ids(DAYS.length);
  await insertRows(sql, "meeting_block", {
    id: { type: "uuid", values: blocks }, event_id: { type: "uuid", values: blocks.map(() => eventId) }, day: { type: "date", values: DAYS },
    start_time: { type: "text", values: blocks.map(() => "09:00") }, end_time: { type: "text", values: blocks.map(() => "17:00") }, slot_minutes: { type: "int", values: blocks.map(() => 30) },
  });
  const slots = ids(DAYS.length * 16);
  const slotStart = slots.map((_, k) => new Date(Date.parse(`${DAYS[Math.floor(k / 16)]}T02:00:00Z`) + (k % 16) * 30 * 60_000));
  await insertRows(sql, "meeting_slot", {
    id: { type: "uuid", values: slots }, event_id: { type: "uuid", values: slots.map(() => eventId) }, block_id: { type: "uuid", values: slots.map((_, k) => blocks[Math.floor(k / 16)]!) },
    day: { type: "date", values: slots.map((_, k) => DAYS[Math.floor(k / 16)]!) }, starts_at: { type: "timestamptz", values: slotStart.map((d) => d.toISOString()) },
    ends_at: { type: "timestamptz", values: slotStart.map((d) => new Date(d.getTime() + 30 * 60_000).toISOString()) },
  });
  const requests = ids(MEETINGS), meetings = ids(MEETINGS);
  const meetingBuyer = seq(MEETINGS, (k) => k % BUYERS) as number[];
  const meetingSeller = seq(MEETINGS, (k) => (k * 3 + Math.floor(k / BUYERS) * 101) % SELLERS) as number[]; // distinct pairs
  const meetingSlot = seq(MEETINGS, (k) => k % slots.length) as number[];
  const meetingStatus = seq(MEETINGS, () => pick(rnd, { held: 75, no_show: 10, published: 10, cancelled: 5 }));
  await insertRows(sql, "meeting_request", {
    id: { type: "uuid", values: requests }, event_id: { type: "uuid", values: requests.map(() => eventId) },
    from_id: { type: "uuid", values: meetingBuyer.map((b) => buyers[b]!) }, to_id: { type: "uuid", values: meetingSeller.map((s) => sellers[s]!) },
    status: { type: "text", values: requests.map(() => "accepted") },
  });
  await insertRows(sql, "meeting", {
    id: { type: "uuid", values: meetings }, event_id: { type: "uuid", values: meetings.map(() => eventId) }, request_id: { type: "uuid", values: requests },
    slot_id: { type: "uuid", values: meetingSlot.map((s) => slots[s]!) },
    during: { type: "tstzrange", values: meetingSlot.map((s) => `[${slotStart[s]!.toISOString()},${new Date(slotStart[s]!.getTime() + 30 * 60_000).toISOString()})`) },
    status: { type: "text", values: meetingStatus },
  });
  const heldMeetings = meetings.map((_, k) => k).filter((k) => meetingStatus[k] === "held");

  // Deals, their sellers and lines.
  const d = {
    id: ids(DEALS), meeting: [] as Array<string | null>, buyer: [] as Array<string | null>, buyerName: [] as string[], buyerCity: [] as string[], buyerProvince: [] as string[],
    type: [] as string[], status: [] as string[], confirmation: [] as string[], enteredBy: [] as string[], total: [] as bigint[], day: [] as string[], createdAt: [] as string[],
  };
  const ds = { deal: [] as string[], seller: [] as string[], position: [] as number[], share: [] as bigint[] };
  const dl = { deal: [] as string[], position: [] as number[], product: [] as string[], quantity: [] as bigint[], unit: [] as string[], price: [] as bigint[], total: [] as bigint[] };
  for (let i = 0; i < DEALS; i++) {
    const id = d.id[i]!;
    const type = pick(rnd, { on_site_sale: 35, purchase_order: 35, contract: 15, mou_loi: 15 });
    const status = pick(rnd, STATUS_BY_TYPE[type] as Record<string, number>);
    const enteredBy = pick(rnd, { seller: 60, buyer: 15, organizer: 25 });
    const confirmation = enteredBy === "organizer" ? "verified" : pick(rnd, { unconfirmed: 40, confirmed: 60 });
    const fromMeeting = type !== "on_site_sale" && rnd() < 0.3;
    const meetingK = fromMeeting ? heldMeetings[Math.floor(rnd() * heldMeetings.length)]! : -1;
    let firstSeller: number;
    if (fromMeeting) {
      const b = meetingBuyer[meetingK]!;
      d.meeting.push(meetings[meetingK]!); d.buyer.push(buyers[b]!); d.buyerName.push(`Toko Kain ${b + 1}`);
      d.buyerCity.push(buyerRegion[b]![0]); d.buyerProvince.push(buyerRegion[b]![1]);
      firstSeller = meetingSeller[meetingK]!;
    } else if (rnd() < 0.8) {
      const b = skewed(rnd, BUYERS);
      d.meeting.push(null); d.buyer.push(buyers[b]!); d.buyerName.push(`Toko Kain ${b + 1}`);
      d.buyerCity.push(buyerRegion[b]![0]); d.buyerProvince.push(buyerRegion[b]![1]);
      firstSeller = skewed(rnd, SELLERS);
    } else {
      const r = REGIONS[Math.floor(rnd() * REGIONS.length)]!;
      d.meeting.push(null); d.buyer.push(null); d.buyerName.push(`Pembeli langsung ${i + 1}`); d.buyerCity.push(r[0]); d.buyerProvince.push(r[1]);
      firstSeller = skewed(rnd, SELLERS);
    }
    // Lines: 1–3; MoU/LoI one big line; quantities sometimes fractional (kg, meter).
    const lineCount = type === "mou_loi" ? 1 : 1 + Math.floor(rnd() * 3);
    let total = 0n;
    for (let p = 1; p <= lineCount; p++) {
      const unit = UNITS[Math.floor(rnd() * UNITS.length)]!;
      const quantity = type === "mou_loi" ? 1000n : BigInt(unit === "kg" || unit === "meter" ? 500 + Math.floor(rnd() * 200_000) : 1000 * (1 + Math.floor(rnd() * (type === "on_site_sale" ? 5 : 300))));
      const price = type === "mou_loi" ? BigInt(1 + Math.floor(rnd() * 500)) * 1_000_000n : BigInt(25 + Math.floor(rnd() * 2_500)) * 1_000n + BigInt(Math.floor(rnd() * 3));
      const lineTotal = (quantity * price + 500n) / 1000n; // = div(quantity_milli * unit_price + 500, 1000) for positives
      dl.deal.push(id); dl.position.push(p); dl.product.push(`Kain batik ${p}`); dl.quantity.push(quantity); dl.unit.push(unit); dl.price.push(price); dl.total.push(lineTotal);
      total += lineTotal;
    }
    // ≈10 % consortium deals: 2–3 sellers, shares sum to the total.
    const sellerCount = rnd() < 0.1 ? 2 + Math.floor(rnd() * 2) : 1;
    const chosen = [firstSeller];
    while (chosen.length < sellerCount) {
      const s = Math.floor(rnd() * SELLERS);
      if (!chosen.includes(s)) chosen.push(s);
    }
    const share = total / BigInt(sellerCount);
    chosen.forEach((s, k) => {
      ds.deal.push(id); ds.seller.push(sellers[s]!); ds.position.push(k + 1); ds.share.push(k === 0 ? total - share * BigInt(sellerCount - 1) : share);
    });
    const day = DAYS[Math.floor(rnd() * DAYS.length)]!;
    d.type.push(type); d.status.push(status); d.confirmation.push(confirmation); d.enteredBy.push(enteredBy); d.total.push(total); d.day.push(day);
    d.createdAt.push(new Date(Date.parse(`${day}T02:00:00Z`) + Math.floor(rnd() * 8 * 3600_000)).toISOString());
  }
  await insertRows(sql, "deal", {
    id: { type: "uuid", values: d.id }, event_id: { type: "uuid", values: d.id.map(() => eventId) }, meeting_id: { type: "uuid", values: d.meeting },
    buyer_id: { type: "uuid", values: d.buyer }, buyer_name: { type: "text", values: d.buyerName }, buyer_city: { type: "text", values: d.buyerCity },
    buyer_province: { type: "text", values: d.buyerProvince }, type: { type: "text", values: d.type }, status: { type: "text", values: d.status },
    confirmation: { type: "text", values: d.confirmation }, entered_by: { type: "text", values: d.enteredBy }, total: { type: "bigint", values: d.total },
    deal_day: { type: "date", values: d.day }, created_at: { type: "timestamptz", values: d.createdAt }, updated_at: { type: "timestamptz", values: d.createdAt },
  });
  // The seller's sector, class and region are recorded on each share, as recordDeal does.
  const sellerAttrs = new Map((await sql<{ id: string; sector: string; umkm_class: string; city: string; province: string }[]>`
    select p.id, b.sector, b.umkm_class, b.city, b.province from meeting_participant p join application a on a.id = p.application_id
    join business b on b.id = a.business_id where p.event_id = ${eventId} and p.kind = 'seller'`).map((r) => [r.id, r]));
  const attr = (k: "sector" | "umkm_class" | "city" | "province") => ds.seller.map((id) => sellerAttrs.get(id)![k]);
  await insertRows(sql, "deal_seller", {
    deal_id: { type: "uuid", values: ds.deal }, seller_id: { type: "uuid", values: ds.seller }, position: { type: "smallint", values: ds.position }, share_value: { type: "bigint", values: ds.share },
    sector: { type: "text", values: attr("sector") }, umkm_class: { type: "text", values: attr("umkm_class") },
    city: { type: "text", values: attr("city") }, province: { type: "text", values: attr("province") },
  });
  // Deals written in bulk here, not through recordDeal: the dashboard's running totals are counted once from them.
  await rebuildReportCells(db, eventId);
  await insertRows(sql, "deal_line", {
    deal_id: { type: "uuid", values: dl.deal }, position: { type: "smallint", values: dl.position }, product: { type: "text", values: dl.product },
    quantity_milli: { type: "bigint", values: dl.quantity }, unit: { type: "text", values: dl.unit }, unit_price: { type: "bigint", values: dl.price }, line_total: { type: "bigint", values: dl.total },
  });

  // 20,000 badges, each admitted once at the entry list.
  const key = await ensureEventKey(db, eventId);
  const codes = new Set<string>();
  while (codes.size < CHECKINS) codes.add(shortCodeFromBytes(randomBytes(8)));
  const badges = ids(CHECKINS);
  const kinds = badges.map(() => pick(rnd, { visitor: 70, buyer: 8, vip: 3, press: 2, exhibitor: 12, staff: 5 }));
  await insertRows(sql, "badge", {
    id: { type: "uuid", values: badges }, event_id: { type: "uuid", values: badges.map(() => eventId) }, kind: { type: "text", values: kinds },
    holder_name: { type: "text", values: badges.map((_, i) => `Pengunjung ${i + 1}`) }, key_id: { type: "text", values: badges.map(() => key.keyId) },
    seed: { type: "text", values: badges.map(() => randomBytes(8).toString("hex")) }, short_code: { type: "text", values: [...codes] },
  });
  const [list] = await sql<{ id: string }[]>`insert into checkin_list (event_id, name) values (${eventId}, 'Pintu utama') returning id`;
  await insertRows(sql, "checkin", {
    event_id: { type: "uuid", values: badges.map(() => eventId) }, checkin_list_id: { type: "uuid", values: badges.map(() => list!.id) }, badge_id: { type: "uuid", values: badges },
    type: { type: "text", values: badges.map(() => "entry") }, nonce: { type: "text", values: badges.map(() => randomUUID()) },
    scanned_at: { type: "timestamptz", values: badges.map((_, i) => new Date(Date.parse(`${DAYS[i % 3]}T02:00:00Z`) + (i % 28_800) * 1000).toISOString()) },
    successful: { type: "bool", values: badges.map(() => true) },
  });
  await sql`vacuum analyze`;
  return { orgSlug: org.slug, eventId, cookie };
}

// ---------- measuring ----------

type Run = { app1: GetLoadResult; app4: GetLoadResult; ref1: GetLoadResult; ref4: GetLoadResult; modelP50: number; aggP50: number; countsP50: number; load: number };

async function timeP50(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function checkOk(name: string, r: GetLoadResult) {
  if (Object.keys(r.statuses).some((s) => s !== "200")) throw new Error(`${name}: non-200 answers ${JSON.stringify(r.statuses)}`);
}

async function measure(db: Db, s: Seed, appPort: number, refPort: number, pagePath: string): Promise<Run> {
  const app = (connections: number, maxRequests: number) => closedLoopGet(appPort, pagePath, { connections, maxRequests, durationMs: APP_CAP_MS, cookie: s.cookie });
  const ref = (connections: number) => closedLoopGet(refPort, pagePath, { connections, maxRequests: 1_000_000, durationMs: REF_MS, cookie: s.cookie });
  await app(1, 3); // warm-up
  const app1 = await app(1, APP_1);
  const app4 = await app(4, APP_4);
  await ref(4); // warm-up
  const ref1 = await ref(1);
  const ref4 = await ref(4);
  for (const [n, r] of [["app c=1", app1], ["app c=4", app4], ["reference c=1", ref1], ["reference c=4", ref4]] as const) checkOk(n, r);
  const modelP50 = await timeP50(MODEL_CALLS, () => loadReportModel(db, s.eventId));
  const aggP50 = await timeP50(MODEL_CALLS, () => loadAggregates(db, s.eventId));
  const countsP50 = await timeP50(MODEL_CALLS, () => loadCounts(db, s.eventId));
  return { app1, app4, ref1, ref4, modelP50, aggP50, countsP50, load: loadavg()[0]! };
}

/** The page's headline tiles against direct SQL sums over the deal table. */
async function sanity(sql: postgres.Sql, eventId: string, page: string): Promise<string> {
  const [row] = await sql<{ confirmed: string; unconfirmed: string; potential: string; deals: number; shares: string; totals: string }[]>`
    select sum(total) filter (where value_bucket = 'confirmed')::text as confirmed, sum(total) filter (where value_bucket = 'unconfirmed')::text as unconfirmed,
      sum(total) filter (where value_bucket = 'potential')::text as potential, count(*) filter (where value_bucket <> 'none')::int as deals,
      (select sum(share_value) from deal_seller ds join deal d2 on d2.id = ds.deal_id where d2.event_id = ${eventId})::text as shares, sum(total)::text as totals
    from deal where event_id = ${eventId}`;
  if (row!.shares !== row!.totals) throw new Error(`sanity: seller shares ${row!.shares} ≠ deal totals ${row!.totals}`);
  const tile = (id: string) => new RegExp(`data-figure="${id}"[\\s\\S]*?report-tile-value">([^<]*)<`).exec(page)?.[1];
  const problems: string[] = [];
  for (const id of ["confirmed", "unconfirmed", "potential"] as const) {
    const expected = formatRupiah(BigInt(row![id]), "id");
    if (tile(id) !== expected) problems.push(`${id}: page ${tile(id)} ≠ SQL ${expected}`);
  }
  const deals = tile("deals")?.replace(/\D/g, "");
  if (deals !== String(row!.deals)) problems.push(`deals: page ${tile("deals")} ≠ SQL ${row!.deals}`);
  if (problems.length) throw new Error(`sanity: ${problems.join("; ")}`);
  return `confirmed ${formatRupiah(BigInt(row!.confirmed), "id")}, unconfirmed ${formatRupiah(BigInt(row!.unconfirmed), "id")}, potential ${formatRupiah(BigInt(row!.potential), "id")}, ${fmt(row!.deals)} deals not cancelled: page = SQL`;
}

// ---------- main ----------

async function main() {
  if (!args.includes("--no-build")) {
    console.log("building (npx remix build) …");
    const built = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const dbName = `pendopo_bench_dash_${Date.now()}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const tmp = mkdtempSync(path.join(tmpdir(), "pendopo-bench-dash-"));
  const children: ChildProcess[] = [];
  const db = createDb({ url });
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  try {
    await migrateToLatest(db);
    console.log(`seeding ${fmt(DEALS)} deals and ${fmt(CHECKINS)} check-ins …`);
    const t0 = performance.now();
    const s = await seed(db, sql);
    const [counts] = await sql<{ deals: number; sellers: number; lines: number; consortium: number; checkins: number; with_meeting: number }[]>`
      select (select count(*)::int from deal) as deals, (select count(*)::int from deal_seller) as sellers, (select count(*)::int from deal_line) as lines,
        (select count(*)::int from (select deal_id from deal_seller group by deal_id having count(*) > 1) x) as consortium,
        (select count(*)::int from checkin where successful) as checkins, (select count(*)::int from deal where meeting_id is not null) as with_meeting`;
    const seeded = `${fmt(counts!.deals)} deals (${fmt(counts!.consortium)} consortium, ${fmt(counts!.with_meeting)} from a meeting), ${fmt(counts!.sellers)} deal_seller rows, ${fmt(counts!.lines)} deal lines, ${fmt(counts!.checkins)} check-ins`;
    console.log(`seeded in ${fmt((performance.now() - t0) / 1000, 1)} s: ${seeded}`);

    const appPort = await freePort();
    const profile = args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "tmp/dash-profile")}`] : [];
    const app = start([...profile, "server.mjs", "build/index.js"], {
      NODE_ENV: "production", PORT: String(appPort), HOST: "127.0.0.1", DATABASE_URL: url, APP_URL: `http://127.0.0.1:${appPort}`,
      OUTBOX_POLL_MS: "60000", DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10", MAIL_DIR: path.join(tmp, "mail"), UPLOAD_DIR: path.join(tmp, "uploads"),
    });
    children.push(app.child);
    await waitFor(appPort, "/healthcheck", app.child, app.log);
    const pagePath = `/o/${s.orgSlug}/events/${s.eventId}/deals`;
    const first = await get(undefined, appPort, pagePath, s.cookie);
    if (first.status !== 200) throw new Error(`dashboard answered ${first.status}: ${first.body.toString("utf8").slice(0, 300)}`);
    const page = first.body.toString("utf8");
    const check = await sanity(sql, s.eventId, page);
    console.log(`sanity: ${check}; page ${fmt(first.body.length)} bytes, first request ${fmt(first.ms)} ms`);
    const bodyFile = path.join(tmp, "page.html");
    writeFileSync(bodyFile, first.body);
    const refPort = await freePort();
    const ref = start(["--import", "tsx", "bench/reports/reference-server.ts"], {
      PORT: String(refPort), BODY_FILE: bodyFile, CONTENT_TYPE: String(first.headers["content-type"] ?? "text/html; charset=utf-8"),
    });
    children.push(ref.child);
    await waitFor(refPort, "/", ref.child, ref.log);

    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      const r = await measure(db, s, appPort, refPort, pagePath);
      runs.push(r);
      console.log(`run ${run + 1}: app c=1 p50 ${fmt(r.app1.p50, 1)} p99 ${fmt(r.app1.p99, 1)} ms, c=4 ${fmt(r.app4.rps, 1)}/s; reference c=1 p50 ${fmt(r.ref1.p50, 2)} ms, c=4 ${fmt(r.ref4.rps)}/s; `
        + `ratio req/s ${(r.app4.rps / r.ref4.rps).toExponential(2)}, p50 ${fmt(r.app1.p50 / r.ref1.p50)}×; loadReportModel p50 ${fmt(r.modelP50, 1)} ms (aggregates ${fmt(r.aggP50, 1)}, counts ${fmt(r.countsP50, 1)}); load ${r.load.toFixed(1)}`);
    }
    await Promise.all(children.map(stop));
    const report = render(runs, { seeded, check, bytes: first.body.length });
    console.log(`\n${report}`);
    if (!quick) {
      const file = path.join(ROOT, "bench/reports/RESULTS.md");
      const old = readFileSync(file, "utf8");
      const begin = "<!-- dashboard:begin -->", end = "<!-- dashboard:end -->";
      const section = `${begin}\n${report}${end}`;
      writeFileSync(file, old.includes(begin) ? old.replace(new RegExp(`${begin}[\\s\\S]*${end}`), section) : `${old.trimEnd()}\n\n${section}\n`);
    }
    if (keep) console.log(`kept the database: ${url} (drop it with: psql -h 127.0.0.1 -U postgres -c 'drop database ${dbName}')`);
  } finally {
    await Promise.all(children.map(stop));
    await sql.end();
    await db.destroy();
    if (!keep) await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function render(runs: Run[], info: { seeded: string; check: string; bytes: number }): string {
  const m = (f: (x: Run) => number) => median(runs.map(f));
  const rows = runs.map((r, i) => `| ${i + 1} | ${fmt(r.app1.p50, 1)} / ${fmt(r.app1.p99, 1)} | ${fmt(r.app4.rps, 1)} | ${fmt(r.ref1.p50, 3)} | ${fmt(r.ref4.rps)} | ${fmt(r.app1.p50 / r.ref1.p50)}× | ${(r.app4.rps / r.ref4.rps).toFixed(5)} | ${fmt(r.modelP50, 1)} (${fmt(r.aggP50, 1)} + ${fmt(r.countsP50, 1)}) | ${r.load.toFixed(1)} |`);
  const p50 = m((r) => r.app1.p50);
  return `## The deals dashboard on PostgreSQL vs the bare node:http reference (issue 7, part 2)

Command: \`${COMMAND}\` (builds with \`npx remix build\` unless --no-build; creates, seeds and drops a PostgreSQL database on
127.0.0.1:5432). Data (seed 7): ${info.seeded}; 400 sellers, 800 buyers, 3,000 meetings, one published 3-day event.
Page: GET of the organizer's Transaksi dashboard (\`/o/…/events/…/deals\`, owner's session cookie, no compression), ${fmt(info.bytes)} bytes.
Sanity: ${info.check}.
Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.versions.node}, PostgreSQL on the same cores; load average at the end
${loadavg().map((x) => x.toFixed(1)).join(" / ")} (the "load" column is the 1-minute average after each run).

App: \`node server.mjs build/index.js\` (= \`npm start\`, NODE_ENV=production, pool 10): session lookup, event access,
loadReportModel (the running totals of deal_report_cell + meetings + counts), React SSR of the report with its charts and tables,
single-fetch loader data in the page. Reference (perf.md §E): a bare \`node:http\` server writing the captured bytes of the
same page. Closed loops on keep-alive sockets: c=1 for ${APP_1} requests (latency), c=4 for ${APP_4} requests (throughput);
the reference gets the same loops for ${REF_MS / 1000} s. loadReportModel alone: p50 of ${MODEL_CALLS} calls in the benchmark process (aggregates + counts queries alone in brackets).

| run | app p50 / p99 ms (c=1) | app req/s (c=4) | reference p50 ms (c=1) | reference req/s (c=4) | p50 ratio app/ref | req/s ratio app/ref | loadReportModel p50 ms | load |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
| **median** | **${fmt(p50, 1)} / ${fmt(m((r) => r.app1.p99), 1)}** | **${fmt(m((r) => r.app4.rps), 1)}** | ${fmt(m((r) => r.ref1.p50), 3)} | ${fmt(m((r) => r.ref4.rps))} | **${fmt(m((r) => r.app1.p50 / r.ref1.p50))}×** | **${m((r) => r.app4.rps / r.ref4.rps).toFixed(5)}** | ${fmt(m((r) => r.modelP50), 1)} (${fmt(m((r) => r.aggP50), 1)} + ${fmt(m((r) => r.countsP50), 1)}) | |

Target (issue 7): p50 ≤ 300 ms → **${p50 <= 300 ? "met" : "missed"}** (median p50 ${fmt(p50, 1)} ms). App p50 − loadReportModel p50 = ${fmt(p50 - m((r) => r.modelP50), 1)} ms (rendering + framework, but measured at different moments: noisy).
`;
}

await main();
