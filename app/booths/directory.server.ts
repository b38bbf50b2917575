// The public side: the exhibitor directory of a published event and the data of the public map.
import type { Sector } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { LIVE } from "./booths.server";

export const DIRECTORY_PAGE_SIZE = 24;
const MAX_PAGE = 10_000;

const escapeLike = (q: string) => q.replace(/[%_\\]/g, (c) => `\\${c}`);

export type DirectoryFilter = { q?: string; sector?: string; province?: string; page?: number };

/**
 * Accepted exhibitors of an event with their booth (when confirmed), by name, filtered by a name search,
 * sector and province; plus the sectors and provinces present, for the filters.
 */
export async function listDirectory(db: Executor, eventId: string, filter: DirectoryFilter) {
  const base = db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .where("a.eventId", "=", eventId).where("a.status", "=", "accepted");
  let query = base
    .leftJoin("boothAssignment as ba", (join) => join.onRef("ba.applicationId", "=", "a.id").on("ba.status", "=", "confirmed"))
    .leftJoin("booth as bo", "bo.id", "ba.boothId")
    .leftJoin("hall as h", "h.id", "bo.hallId");
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) => eb.or([eb("b.name", "ilike", like), eb("b.brandName", "ilike", like)]));
  }
  if (filter.sector) query = query.where("b.sector", "=", filter.sector as Sector);
  if (filter.province) query = query.where("b.province", "=", filter.province);
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(filter.page ?? 1) || 1));
  const [rows, total, sectors, provinces] = await Promise.all([
    query.select(["a.id", "b.name", "b.brandName", "b.sector", "b.city", "b.province", "b.umkmClass", "b.description", "bo.code as boothCode", "h.name as hallName"])
      .orderBy("b.name").orderBy("a.id").limit(DIRECTORY_PAGE_SIZE).offset((page - 1) * DIRECTORY_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base.select("b.sector").distinct().orderBy("b.sector").execute(),
    base.select("b.province").distinct().orderBy("b.province").execute(),
  ]);
  return {
    rows, total: Number(total.n), page, pageSize: DIRECTORY_PAGE_SIZE,
    sectors: sectors.map((s) => s.sector), provinces: provinces.map((p) => p.province).filter(Boolean),
  };
}

/** The booth a public map link points at (case-insensitive code), with who is there when it is taken. */
export function findPublicBooth(db: Executor, eventId: string, code: string) {
  return db.selectFrom("booth as bo").innerJoin("hall as h", "h.id", "bo.hallId")
    .leftJoin("boothAssignment as ba", (join) => join.onRef("ba.boothId", "=", "bo.id").on("ba.status", "in", LIVE))
    .leftJoin("application as a", "a.id", "ba.applicationId")
    .leftJoin("business as b", "b.id", "a.businessId")
    .select(["bo.id", "bo.code", "bo.sizeM2", "bo.zone", "h.name as hallName", "ba.status", "b.name as exhibitorName", "b.sector", "b.city", "b.province"])
    .where("bo.eventId", "=", eventId).where((eb) => eb(eb.fn("lower", ["bo.code"]), "=", code.toLowerCase()))
    .executeTakeFirst();
}
