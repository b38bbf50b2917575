// The matchmaking directory (search, filters, pagination) and the recommendations built on the same rows.
import { sql } from "kysely";
import type { BuyerType, CertificationKind, ParticipantKind, Sector, UmkmClass } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { ensureSellers } from "./participants.server";
import { rankByFit, scoreFit, type Fit } from "./recommend";
import { MATCH_PAGE_SIZE } from "./vocabulary";
import type { MatchSettings } from "./settings.server";

const MAX_PAGE = 10_000;
const escapeLike = (q: string) => q.replace(/[%_\\]/g, (c) => `\\${c}`);

export type DirectoryFilter = {
  q?: string; kind?: ParticipantKind; sector?: Sector; province?: string; umkmClass?: UmkmClass;
  minCapacity?: number; certification?: CertificationKind; buyerType?: BuyerType; page?: number;
};

/** Which kinds a person may meet: buyers meet sellers, sellers meet buyers, plus what the organizer allows. */
export function visibleKinds(viewer: ParticipantKind | null, settings: Pick<MatchSettings, "allowBuyerBuyer" | "allowSellerSeller">): ParticipantKind[] {
  if (viewer === null) return ["buyer", "seller"];
  if (viewer === "buyer") return settings.allowBuyerBuyer ? ["seller", "buyer"] : ["seller"];
  return settings.allowSellerSeller ? ["buyer", "seller"] : ["buyer"];
}

function baseQuery(db: Executor, eventId: string, kinds: ParticipantKind[], excludeId?: string) {
  let q = db.selectFrom("meetingParticipant as p")
    .leftJoin("application as a", "a.id", "p.applicationId")
    .leftJoin("business as b", "b.id", "a.businessId")
    .where("p.eventId", "=", eventId).where("p.kind", "in", kinds)
    // A seller whose application was withdrawn after joining is no longer in the event.
    .where((eb) => eb.or([eb("p.kind", "=", "buyer"), eb("a.status", "=", "accepted")]));
  if (excludeId) q = q.where("p.id", "<>", excludeId);
  return q;
}

const COLUMNS = [
  "p.id", "p.kind", "p.buyerType", "p.sectors", "p.productsSought", "p.orderVolume", "p.orderUnit", "p.country",
  "b.sector", "b.umkmClass", "b.capacityQuantity", "b.capacityUnit", "b.description", "a.id as applicationId",
] as const;

/**
 * Participants the viewer may meet, filtered and paged, with each seller's booth code and certifications.
 *
 * @example listDirectory(db, eventId, { kinds: ["seller"], excludeId: me.id }, { sector: "tenun_ikat", page: 1 })
 */
export async function listDirectory(db: Executor, eventId: string, scope: { kinds: ParticipantKind[]; excludeId?: string }, filter: DirectoryFilter) {
  // Accepted exhibitors are sellers from the moment they are accepted, even before their first visit here.
  if (scope.kinds.includes("seller")) await ensureSellers(db, eventId);
  let query = baseQuery(db, eventId, filter.kind ? scope.kinds.filter((k) => k === filter.kind) : scope.kinds, scope.excludeId);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) => eb.or([eb("b.name", "ilike", like), eb("b.brandName", "ilike", like), eb("p.organization", "ilike", like),
      eb("p.productsSought", "ilike", like), eb("b.description", "ilike", like),
      eb.exists(eb.selectFrom("product as pr").select("pr.id").whereRef("pr.businessId", "=", "b.id").where("pr.name", "ilike", like))]));
  }
  if (filter.sector) {
    const sector = filter.sector;
    query = query.where(sql<boolean>`(b.sector = ${sector} or ${sector} = any(p.sectors))`);
  }
  if (filter.province) query = query.where(sql`coalesce(b.province, p.province)`, "=", filter.province);
  if (filter.umkmClass) query = query.where("b.umkmClass", "=", filter.umkmClass);
  if (filter.minCapacity) query = query.where("b.capacityQuantity", ">=", filter.minCapacity);
  if (filter.certification) {
    const kind = filter.certification;
    query = query.where((eb) => eb.exists(eb.selectFrom("certification as c").select("c.id").whereRef("c.businessId", "=", "b.id").where("c.kind", "=", kind)));
  }
  if (filter.buyerType) query = query.where("p.buyerType", "=", filter.buyerType);
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(filter.page ?? 1) || 1));
  const [rows, total] = await Promise.all([
    withNames(query).select(COLUMNS).orderBy("name").orderBy("p.id").limit(MATCH_PAGE_SIZE).offset((page - 1) * MATCH_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: await withSellerExtras(db, rows), total: Number(total.n), page, pageSize: MATCH_PAGE_SIZE };
}

function withNames<Q extends ReturnType<typeof baseQuery>>(query: Q) {
  return query.select((eb) => [
    eb.fn.coalesce("b.name", "p.organization").as("name"),
    sql<string>`coalesce(b.city, p.city)`.as("city"),
    sql<string>`coalesce(b.province, p.province)`.as("province"),
  ]);
}

type DirectoryRowBase = { id: string; kind: ParticipantKind; applicationId: string | null; [k: string]: unknown };

/** Certifications, product names and confirmed booth codes of the sellers among `rows` (three small queries). */
async function withSellerExtras<R extends DirectoryRowBase>(db: Executor, rows: R[]) {
  const appIds = rows.map((r) => r.applicationId).filter((x): x is string => Boolean(x));
  if (appIds.length === 0) return rows.map((r) => ({ ...r, certifications: [] as string[], productNames: [] as string[], boothCode: null as string | null, boothId: null as string | null }));
  const [certs, products, booths] = await Promise.all([
    db.selectFrom("certification as c").innerJoin("application as a", "a.businessId", "c.businessId").select(["a.id", "c.kind"]).where("a.id", "in", appIds).execute(),
    db.selectFrom("product as pr").innerJoin("application as a", "a.businessId", "pr.businessId").select(["a.id", "pr.name"]).where("a.id", "in", appIds).orderBy("pr.sort").execute(),
    db.selectFrom("boothAssignment as ba").innerJoin("booth as bo", "bo.id", "ba.boothId").select(["ba.applicationId", "bo.code", "bo.id"])
      .where("ba.applicationId", "in", appIds).where("ba.status", "in", ["held", "confirmed"]).execute(),
  ]);
  const group = <T>(list: T[], key: (t: T) => string, value: (t: T) => string) => {
    const map = new Map<string, string[]>();
    for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), value(item)]);
    return map;
  };
  const certMap = group(certs, (c) => c.id, (c) => c.kind);
  const productMap = group(products, (p) => p.id, (p) => p.name);
  const boothMap = new Map(booths.map((b) => [b.applicationId, b]));
  return rows.map((r) => ({
    ...r,
    certifications: r.applicationId ? certMap.get(r.applicationId) ?? [] : [],
    productNames: r.applicationId ? productMap.get(r.applicationId) ?? [] : [],
    boothCode: r.applicationId ? boothMap.get(r.applicationId)?.code ?? null : null,
    boothId: r.applicationId ? boothMap.get(r.applicationId)?.id ?? null : null,
  }));
}

/** How many candidates recommendations consider (a large fair has a few hundred sellers). */
const RECOMMEND_POOL = 2000;

/**
 * The best-fitting people of the other side for the viewer, with the reasons (recommend.ts). A buyer gets
 * sellers scored against their profile; a seller gets buyers scored the same way from the buyer's side.
 */
export async function listRecommendations(db: Executor, eventId: string, viewer: { id: string; kind: ParticipantKind }, limit = 10) {
  const otherKind: ParticipantKind = viewer.kind === "buyer" ? "seller" : "buyer";
  if (otherKind === "seller") await ensureSellers(db, eventId);
  const [me] = await withSellerExtras(db, await withNames(baseQuery(db, eventId, [viewer.kind])).select(COLUMNS).where("p.id", "=", viewer.id).execute());
  if (!me) return [];
  const pool = await withSellerExtras(db, await withNames(baseQuery(db, eventId, [otherKind], viewer.id)).select(COLUMNS).orderBy("p.id").limit(RECOMMEND_POOL).execute());
  type Row = (typeof pool)[number];
  const buyerOf = (r: Row) => ({ sectors: r.sectors, productsSought: r.productsSought, orderVolume: r.orderVolume, orderUnit: r.orderUnit, province: viewer.kind === "buyer" ? r.province : "" });
  const sellerOf = (r: Row) => ({
    sector: r.sector ?? "", productNames: r.productNames, description: r.description ?? "",
    capacityQuantity: r.capacityQuantity, capacityUnit: r.capacityUnit ?? "", province: r.province,
  });
  const fit = (r: Row): Fit => (viewer.kind === "buyer" ? scoreFit(buyerOf(me), sellerOf(r)) : scoreFit(buyerOf(r), sellerOf(me)));
  return rankByFit(pool, fit, (r) => r.name ?? "", limit);
}

export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>["rows"][number];

/** Headline numbers for the organizer: buyers, sellers, requests and live meetings. */
export async function matchmakingCounts(db: Executor, eventId: string) {
  const row = await db.selectNoFrom((eb) => [
    eb.selectFrom("meetingParticipant").select(eb.fn.countAll<number>().as("n")).where("eventId", "=", eventId).where("kind", "=", "buyer").as("buyers"),
    eb.selectFrom("application").select(eb.fn.countAll<number>().as("n")).where("eventId", "=", eventId).where("status", "=", "accepted").as("sellers"),
    eb.selectFrom("meetingRequest").select(eb.fn.countAll<number>().as("n")).where("eventId", "=", eventId).as("requests"),
    eb.selectFrom("meeting").select(eb.fn.countAll<number>().as("n")).where("eventId", "=", eventId).where("status", "<>", "cancelled").as("meetings"),
  ]).executeTakeFirstOrThrow();
  return { buyers: Number(row.buyers), sellers: Number(row.sellers), requests: Number(row.requests), meetings: Number(row.meetings) };
}
