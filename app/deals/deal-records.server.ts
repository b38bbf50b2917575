// Reading deals: the organizer's list (search, filters, pages) and its CSV rows, a participant's own deals, one
// deal with its lines, sellers, buyer and status history, and the signed document attached to a deal.
import { sql, type Expression, type SqlBool } from "kysely";
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { fail, ok, type Result } from "~/utils/result";
import { deleteUpload, getDocumentFile } from "~/utils/uploads.server";
import { DEAL_PAGE_SIZE, type DealQuery } from "./deal-form.schema";
import { dealForActor, type DealActor } from "./deals.server";

/** Names of a deal's sellers, lead producer first. */
const sellerNames = sql<string>`(select string_agg(b.name, ', ' order by ds.position) from deal_seller ds
  join meeting_participant p on p.id = ds.seller_id join application a on a.id = p.application_id
  join business b on b.id = a.business_id where ds.deal_id = d.id)`;
/** The products of a deal, in line order. */
const products = sql<string>`(select string_agg(l.product, ', ' order by l.position) from deal_line l where l.deal_id = d.id)`;

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Executor, eventId: string, query: Omit<DealQuery, "page">, participantId?: string) {
  let qb = db.selectFrom("deal as d").where("d.eventId", "=", eventId);
  if (participantId) {
    qb = qb.where((eb) => eb.or([
      eb("d.buyerId", "=", participantId),
      sql<SqlBool>`exists (select 1 from deal_seller s where s.deal_id = d.id and s.seller_id = ${participantId})`,
    ]));
  }
  if (query.status) qb = qb.where("d.status", "=", query.status);
  if (query.confirmation) qb = qb.where("d.confirmation", "=", query.confirmation);
  if (query.type) qb = qb.where("d.type", "=", query.type);
  if (query.q) {
    const like = escapeLike(query.q);
    qb = qb.where((eb) => eb.or([
      eb("d.buyerName", "ilike", like),
      sql<SqlBool>`exists (select 1 from deal_line l where l.deal_id = d.id and l.product ilike ${like})`,
      sql<SqlBool>`exists (select 1 from deal_seller ds join meeting_participant p on p.id = ds.seller_id
        join application a on a.id = p.application_id join business b on b.id = a.business_id
        where ds.deal_id = d.id and b.name ilike ${like})` as Expression<SqlBool>,
    ]));
  }
  return qb;
}

const LIST_COLUMNS = [
  "d.id", "d.dealDay", "d.type", "d.status", "d.confirmation", "d.enteredBy", "d.total", "d.buyerId", "d.buyerName", "d.buyerCity",
  "d.buyerProvince", "d.deliveryDate", "d.valueBucket", "d.createdAt", "d.meetingId",
] as const;

/**
 * One page of an event's deals, newest first, with the sellers and products named. With `participantId`, only
 * the deals that participant is party to (as the buyer or one of the sellers), with their own share.
 */
export async function listDeals(db: Executor, eventId: string, query: DealQuery, participantId?: string) {
  const [rows, count] = await Promise.all([
    filtered(db, eventId, query, participantId).select(LIST_COLUMNS)
      .select([sellerNames.as("sellerNames"), products.as("products")])
      .select(participantId
        ? sql<string | null>`(select share_value::text from deal_seller s where s.deal_id = d.id and s.seller_id = ${participantId})`.as("myShare")
        : sql<string | null>`null`.as("myShare"))
      .orderBy("d.createdAt", "desc").orderBy("d.id").limit(DEAL_PAGE_SIZE).offset((query.page - 1) * DEAL_PAGE_SIZE).execute(),
    filtered(db, eventId, query, participantId).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), page: query.page, pageSize: DEAL_PAGE_SIZE };
}

/** Every deal matching the filters (the CSV export; personal data, so the route audits it). At most 50 000 rows. */
export function listDealsForExport(db: Executor, eventId: string, query: Omit<DealQuery, "page">) {
  return filtered(db, eventId, query).select(LIST_COLUMNS).select(["d.note"])
    .select([sellerNames.as("sellerNames"), products.as("products")])
    .orderBy("d.createdAt", "desc").orderBy("d.id").limit(50_000).execute();
}

/** One deal of the event with everything its page shows, or undefined. Who may see it is the caller's check. */
export async function getDealDetail(db: Executor, eventId: string, dealId: string) {
  const deal = await db.selectFrom("deal as d").leftJoin("upload as u", "u.id", "d.documentUploadId")
    .leftJoin("meeting as m", "m.id", "d.meetingId").leftJoin("meetingSlot as sl", "sl.id", "m.slotId")
    .select([...LIST_COLUMNS, "d.note", "d.version", "d.confirmedAt", "d.documentUploadId", "u.contentType as documentType",
      "u.originalName as documentName", "sl.startsAt as meetingStartsAt"])
    .where("d.eventId", "=", eventId).where("d.id", "=", dealId).executeTakeFirst();
  if (!deal) return undefined;
  const [lines, sellers, history] = await Promise.all([
    db.selectFrom("dealLine").select(["position", "product", "quantityMilli", "unit", "unitPrice", "lineTotal"])
      .where("dealId", "=", dealId).orderBy("position").execute(),
    db.selectFrom("dealSeller as ds").innerJoin("meetingParticipant as p", "p.id", "ds.sellerId")
      .innerJoin("application as a", "a.id", "p.applicationId").innerJoin("business as b", "b.id", "a.businessId")
      .select(["ds.sellerId", "ds.position", "ds.shareValue", "ds.shareQuantity", "b.name", "b.sector", "b.city", "b.province"])
      .where("ds.dealId", "=", dealId).orderBy("ds.position").execute(),
    db.selectFrom("dealStatusChange as c").leftJoin("appUser as u", "u.id", "c.changedByUserId")
      .select(["c.id", "c.fromStatus", "c.toStatus", "c.confirmation", "c.party", "c.changedAt", "u.name as userName"])
      .where("c.dealId", "=", dealId).orderBy("c.id").execute(),
  ]);
  return { ...deal, lines, sellers, history };
}
export type DealDetail = NonNullable<Awaited<ReturnType<typeof getDealDetail>>>;

/**
 * Attaches a stored document to a deal (replacing and deleting an earlier one). Only a party to the deal or the
 * organizer; anyone else gets `not_found`, and the caller deletes the upload it made.
 */
export async function attachDealDocument(
  db: Executor, eventId: string, dealId: string, actor: DealActor, uploadId: string, request?: Request,
): Promise<Result<null, "not_found">> {
  const deal = await dealForActor(db, eventId, dealId, actor);
  if (!deal) return fail("not_found");
  const previous = await db.selectFrom("deal").select("documentUploadId").where("id", "=", deal.id).executeTakeFirstOrThrow();
  await db.updateTable("deal").set({ documentUploadId: uploadId, updatedAt: sql`now()` }).where("id", "=", deal.id).execute();
  await audit(db, { action: "deal.document", actorUserId: actor.userId, eventId, entity: "deal", entityId: deal.id, data: { uploadId, party: actor.party }, request });
  if (previous.documentUploadId && previous.documentUploadId !== uploadId) await deleteUpload(db, previous.documentUploadId);
  return ok(null);
}

/** The document of a deal the actor may see, or undefined (the route answers 404 either way). */
export async function getDealDocument(db: Executor, eventId: string, dealId: string, actor: DealActor) {
  const deal = await dealForActor(db, eventId, dealId, actor);
  if (!deal) return undefined;
  const row = await db.selectFrom("deal").select("documentUploadId").where("id", "=", deal.id).executeTakeFirstOrThrow();
  return row.documentUploadId ? getDocumentFile(db, row.documentUploadId) : undefined;
}
