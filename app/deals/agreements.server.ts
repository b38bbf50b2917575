/**
 * Cooperation agreements (issue 7): MoU, PKS and LoI that Kadin chapters, dinas, pemda and UMKM sign at a fair,
 * each party with its signatory and its region, so cooperation between regions can be reported. Every change
 * is one transaction with its audit entry. An agreement belongs to one event: every query names the event, so
 * another event's agreement id is not found.
 */
import { sql } from "kysely";
import type { Db, Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { fail, ok, type Result } from "~/utils/result";
import { storeDocument } from "~/utils/uploads.server";
import { cleanQuery } from "~/utils/validation";
import { AGREEMENT_KINDS, type AgreementInput, type AgreementKind, type PartyInput, type PartyKind } from "./agreement.schema";
import { summarizeAgreements, type AgreementSummary } from "./agreements";

export const AGREEMENT_PAGE_SIZE = 20;

export type AgreementQuery = { q: string; kind: AgreementKind | undefined; page: number };

/**
 * The list's search parameters, cleaned: unknown kinds and silly pages are ignored, never an error.
 *
 * @example parseAgreementQuery(new URLSearchParams("q=kediri&kind=mou")) // { q: "kediri", kind: "mou", page: 1 }
 */
export function parseAgreementQuery(params: URLSearchParams): AgreementQuery {
  const kind = params.get("kind");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: cleanQuery(params.get("q"), 100),
    kind: (AGREEMENT_KINDS as readonly string[]).includes(kind ?? "") ? (kind as AgreementKind) : undefined,
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Who makes a change, for the audit log. */
export type AgreementActor = { userId: string; organizationId: string; request?: Request };

export type AgreementParty = {
  position: number; name: string; kind: PartyKind; city: string; province: string; signatoryName: string; signatoryTitle: string;
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function partiesOf(db: Executor, agreementIds: string[]): Promise<Map<string, AgreementParty[]>> {
  const byAgreement = new Map<string, AgreementParty[]>();
  if (agreementIds.length === 0) return byAgreement;
  const rows = await db.selectFrom("cooperationParty")
    .select(["agreementId", "position", "name", "kind", "city", "province", "signatoryName", "signatoryTitle"])
    .where("agreementId", "in", agreementIds).orderBy("agreementId").orderBy("position").execute();
  for (const { agreementId, ...party } of rows) {
    const list = byAgreement.get(agreementId) ?? [];
    list.push(party);
    byAgreement.set(agreementId, list);
  }
  return byAgreement;
}

/**
 * One page of the event's agreements, latest signing first, searched by title or a party's name (or its
 * signatory) and filtered by kind.
 *
 * @example await listAgreements(db, event.id, { q: "kediri", kind: "mou", page: 1 }) // { rows, total, page, pageSize }
 */
export async function listAgreements(db: Executor, eventId: string, query: AgreementQuery) {
  let q = db.selectFrom("cooperationAgreement as a").where("a.eventId", "=", eventId);
  if (query.kind) q = q.where("a.kind", "=", query.kind);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) => eb.or([
      eb("a.title", "ilike", pattern),
      eb.exists(eb.selectFrom("cooperationParty as p").select(sql`1`.as("one")).whereRef("p.agreementId", "=", "a.id")
        .where((e) => e.or([e("p.name", "ilike", pattern), e("p.signatoryName", "ilike", pattern)]))),
    ]));
  }
  const [rows, count] = await Promise.all([
    q.select(["a.id", "a.title", "a.kind", "a.signedOn", "a.place", sql<boolean>`a.document_upload_id is not null`.as("hasDocument")])
      .orderBy("a.signedOn", "desc").orderBy("a.createdAt", "desc").orderBy("a.id")
      .limit(AGREEMENT_PAGE_SIZE).offset((query.page - 1) * AGREEMENT_PAGE_SIZE).execute(),
    q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  const parties = await partiesOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, parties: parties.get(r.id) ?? [] })),
    total: Number(count.n), page: query.page, pageSize: AGREEMENT_PAGE_SIZE,
  };
}

/** How many agreements the event has (the list's empty state). */
export async function countAgreements(db: Executor, eventId: string): Promise<number> {
  const row = await db.selectFrom("cooperationAgreement").select(sql<number>`count(*)::int`.as("n")).where("eventId", "=", eventId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One agreement of this event with its parties and its document's type, or undefined. */
export async function getAgreement(db: Executor, eventId: string, agreementId: string) {
  const row = await db.selectFrom("cooperationAgreement as a").leftJoin("upload as u", "u.id", "a.documentUploadId")
    .select(["a.id", "a.title", "a.kind", "a.scope", "a.signedOn", "a.place", "a.documentUploadId", "a.createdAt", "a.updatedAt",
      "u.contentType as documentType", "u.sizeBytes as documentBytes", "u.originalName as documentName"])
    .where("a.eventId", "=", eventId).where("a.id", "=", agreementId).executeTakeFirst();
  if (!row) return undefined;
  const parties = await partiesOf(db, [row.id]);
  return { ...row, parties: parties.get(row.id) ?? [] };
}

/** The stored document of one agreement of this event (for the download route), or undefined. */
export async function getAgreementDocument(db: Executor, eventId: string, agreementId: string) {
  return db.selectFrom("cooperationAgreement as a").innerJoin("upload as u", "u.id", "a.documentUploadId")
    .select(["a.title", "u.id", "u.contentType", "u.storageKey", "u.sizeBytes"])
    .where("a.eventId", "=", eventId).where("a.id", "=", agreementId).executeTakeFirst();
}

/** The event's cooperating regions (Tempat & wilayah), offered as quick picks for a party's city and province. */
export async function listRegionPicks(db: Executor, eventId: string) {
  return db.selectFrom("eventRegion").select(["name", "province", "delegation"]).where("eventId", "=", eventId).orderBy("name").execute();
}

function partyRows(agreementId: string, parties: PartyInput[]) {
  return parties.map((p, position) => ({
    agreementId, position, name: p.name, kind: p.kind, city: p.city, province: p.province,
    signatoryName: p.signatoryName, signatoryTitle: p.signatoryTitle,
  }));
}

type AgreementFields = Omit<AgreementInput, "document" | "removeDocument">;

/**
 * Records an agreement with its parties (in the order given) and its optional stored document.
 *
 * @example await createAgreement(db, event.id, actor, { title: "MoU Kadin Kediri – Kadin Surakarta", kind: "mou", signedOn: "2026-12-07", … }, uploadId)
 */
export async function createAgreement(db: Db, eventId: string, actor: AgreementActor, input: AgreementFields, documentUploadId: string | null) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto("cooperationAgreement").values({
      eventId, title: input.title, kind: input.kind, scope: input.scope, signedOn: input.signedOn, place: input.place,
      documentUploadId, createdByUserId: actor.userId,
    }).returning("id").executeTakeFirstOrThrow();
    await trx.insertInto("cooperationParty").values(partyRows(row.id, input.parties)).execute();
    await audit(trx, {
      action: "agreement.created", actorUserId: actor.userId, organizationId: actor.organizationId, eventId,
      entity: "cooperation_agreement", entityId: row.id, request: actor.request,
      data: { title: input.title, kind: input.kind, parties: input.parties.length, document: documentUploadId !== null },
    });
    return { id: row.id };
  });
}

/**
 * Replaces an agreement's fields and parties. `document` keeps the stored document (`keep`), removes it
 * (`remove`) or points to a new upload (its id). Returns the upload that is no longer used (the caller deletes
 * its files after the commit), or undefined when this event has no such agreement.
 */
export async function updateAgreement(
  db: Db, eventId: string, agreementId: string, actor: AgreementActor, input: AgreementFields, document: "keep" | "remove" | { uploadId: string },
): Promise<{ replacedUploadId: string | null } | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom("cooperationAgreement").select(["id", "documentUploadId"])
      .where("eventId", "=", eventId).where("id", "=", agreementId).forUpdate().executeTakeFirst();
    if (!current) return undefined;
    const documentUploadId = document === "keep" ? current.documentUploadId : document === "remove" ? null : document.uploadId;
    await trx.updateTable("cooperationAgreement").set({
      title: input.title, kind: input.kind, scope: input.scope, signedOn: input.signedOn, place: input.place,
      documentUploadId, updatedAt: sql<Date>`now()`,
    }).where("id", "=", agreementId).execute();
    await trx.deleteFrom("cooperationParty").where("agreementId", "=", agreementId).execute();
    await trx.insertInto("cooperationParty").values(partyRows(agreementId, input.parties)).execute();
    const replacedUploadId = current.documentUploadId !== documentUploadId ? current.documentUploadId : null;
    await audit(trx, {
      action: "agreement.updated", actorUserId: actor.userId, organizationId: actor.organizationId, eventId,
      entity: "cooperation_agreement", entityId: agreementId, request: actor.request,
      data: { title: input.title, kind: input.kind, parties: input.parties.length, document: document === "keep" ? "kept" : document === "remove" ? "removed" : "replaced" },
    });
    return { replacedUploadId };
  });
}

/** Deletes an agreement of this event with its parties; returns its document upload (for the caller to delete), or undefined. */
export async function deleteAgreement(db: Db, eventId: string, agreementId: string, actor: AgreementActor) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom("cooperationAgreement").where("eventId", "=", eventId).where("id", "=", agreementId)
      .returning(["id", "title", "documentUploadId"]).executeTakeFirst();
    if (!row) return undefined;
    await audit(trx, {
      action: "agreement.deleted", actorUserId: actor.userId, organizationId: actor.organizationId, eventId,
      entity: "cooperation_agreement", entityId: row.id, request: actor.request, data: { title: row.title },
    });
    return { documentUploadId: row.documentUploadId };
  });
}

/**
 * The regional cooperation summary of an event (for the dashboard): agreements by kind and the pairs of regions
 * that signed together, e.g. `Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)`: 2. The rule is
 * summarizeAgreements (app/deals/agreements.ts); an event has tens of agreements, so they are folded here.
 *
 * @example await agreementSummary(db, event.id) // { total: 3, byKind: { mou: 2, pks: 1, loi: 0 }, pairs: [{ label, count }], withoutRegions: 0 }
 */
export async function agreementSummary(db: Executor, eventId: string): Promise<AgreementSummary> {
  const rows = await db.selectFrom("cooperationAgreement as a").leftJoin("cooperationParty as p", "p.agreementId", "a.id")
    .select(["a.id", "a.kind", "p.city", "p.province"])
    .where("a.eventId", "=", eventId).orderBy("a.signedOn").orderBy("a.id").orderBy("p.position").execute();
  const agreements = new Map<string, { kind: AgreementKind; parties: Array<{ city: string; province: string }> }>();
  for (const r of rows) {
    const a = agreements.get(r.id) ?? { kind: r.kind, parties: [] };
    if (r.city !== null && r.province !== null) a.parties.push({ city: r.city, province: r.province });
    agreements.set(r.id, a);
  }
  return summarizeAgreements([...agreements.values()]);
}

export type DocumentRefusal = "document_too_large" | "document_type";

/**
 * Stores an agreement's signed document, judged by its bytes (never its name or type): a PDF kept as it is or a
 * photo re-encoded (storeDocument), at most 10 MB. Nothing is written when it is refused.
 */
export async function storeAgreementDocument(db: Executor, file: File, ownerUserId: string): Promise<Result<{ uploadId: string }, DocumentRefusal>> {
  const stored = await storeDocument(db, Buffer.from(await file.arrayBuffer()), ownerUserId, file.name);
  return stored.ok ? ok({ uploadId: stored.value.id }) : fail(stored.reason === "too_large" ? "document_too_large" : "document_type");
}
