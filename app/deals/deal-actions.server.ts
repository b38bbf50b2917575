// The deal form and the deal page's buttons, posted by participants (/e/:slug/deals) and organizers
// (/o/:org/events/:id/deals/records): one handler each, so both sides answer alike. Every refusal is a message at
// its field (or a toast for the buttons); nothing is written when anything is wrong.
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod/v4";
import { getDb } from "~/utils/db.server";
import { parseForm } from "~/utils/form-parse.server";
import { getFixedT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { deleteUpload, MAX_DOCUMENT_BYTES, readUploadForm, storeDocument } from "~/utils/uploads.server";
import { MAX_DEAL_LINES, MAX_PRODUCT_LENGTH } from "./deal-lines";
import { DEAL_STATUSES } from "./deal-status";
import { DealFormSchema, DocumentFormSchema, type DealFormInput } from "./deal-form.schema";
import { attachDealDocument } from "./deal-records.server";
import {
  changeDealStatus, confirmDealAs, MAX_DEAL_SELLERS, MAX_NOTE_LENGTH, recordDeal, type DealActor, type DealFieldError, type RecordDealInput } from "./deals.server";

type EventRef = { id: string; timeZone: string };
type Reply = { result: SubmissionResult<string[]> };

/** recordDeal's field names → the form's (sellers and their shares are one list in the form). */
const FORM_FIELD: Record<string, string> = { sellerIds: "sellers", shareQuantities: "sellers", meetingId: "" };

/** The limit a message names when recordDeal did not pass it. */
const MAX_OF: Record<string, number> = {
  product_too_long: MAX_PRODUCT_LENGTH, too_many_lines: MAX_DEAL_LINES, note_too_long: MAX_NOTE_LENGTH, too_many_sellers: MAX_DEAL_SELLERS,
};

const DOCUMENT_ERROR = "deals.document.invalid";

/** Units typed for a share ("1.000" or "1000"); NaN when it is not a whole number (recordDeal names it). */
function shareUnits(s: string): number {
  const digits = s.replace(/[\s.]/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : Number.NaN;
}

/** The form's values as recordDeal's input (the buyer is the actor when a buyer records). */
export function toRecordInput(input: DealFormInput, actor: DealActor): RecordDealInput {
  const walkIn = input.buyerMode === "walk_in" && actor.party !== "buyer";
  const sellers = input.sellers.filter((s) => s.id);
  return {
    meetingId: input.meetingId || null,
    buyerId: actor.party === "buyer" ? actor.participantId : walkIn ? null : input.buyerId || null,
    walkInBuyer: walkIn ? { name: input.walkInBuyer?.name ?? "", city: input.walkInBuyer?.city ?? "", province: input.walkInBuyer?.province ?? "" } : null,
    sellerIds: sellers.map((s) => s.id!),
    shareQuantities: sellers.length > 1 ? sellers.map((s) => shareUnits(s.share)) : null,
    lines: input.lines,
    type: input.type,
    status: input.status,
    deliveryDate: input.deliveryDate || null,
    note: input.note,
    confirmOverCapacity: input.confirmOverCapacity,
  };
}

async function messages(request: Request, errors: DealFieldError[]): Promise<Record<string, string[]>> {
  const t = await getFixedT(request);
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const field = FORM_FIELD[e.field] ?? e.field;
    (out[field] ??= []).push(t(`deals.errors.${e.code}`, { max: MAX_OF[e.code] ?? "", line: "", name: "", ...e.params }) as string);
  }
  return out;
}

/**
 * Records a deal from the posted form (with its signed document, when attached) and redirects to it; or answers
 * 400/413 with every problem at its field.
 */
export async function recordDealAction(request: Request, event: EventRef, actor: DealActor, dealUrl: (id: string) => string) {
  const read = await readUploadForm(request, MAX_DOCUMENT_BYTES);
  if (!read.ok) {
    const field = read.reason === "too_large" ? "document" : "";
    const t = await getFixedT(request);
    return data<Reply>({ result: { status: "error", error: { [field]: [t(read.reason === "too_large" ? DOCUMENT_ERROR : "validation.invalid") as string] } } },
      { status: read.reason === "too_large" ? 413 : 400 });
  }
  const submission = parseForm(read.value, { schema: DealFormSchema });
  if (submission.status !== "success") return data<Reply>({ result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const db = await getDb();
  const recordInput = toRecordInput(input, actor);
  if (actor.party !== "buyer" && input.buyerMode !== "walk_in" && !recordInput.buyerId) {
    return data<Reply>({ result: submission.reply({ fieldErrors: await messages(request, [{ field: "buyerId", code: "buyer_required" }]) }) }, { status: 400 });
  }
  let documentId: string | null = null;
  if (input.document && input.document.size > 0) {
    const stored = await storeDocument(db, Buffer.from(await input.document.arrayBuffer()), actor.userId, input.document.name);
    if (!stored.ok) {
      const t = await getFixedT(request);
      return data<Reply>({ result: submission.reply({ fieldErrors: { document: [t(DOCUMENT_ERROR) as string] } }) }, { status: 400 });
    }
    documentId = stored.value.id;
  }
  const recorded = await recordDeal(db, event, actor, recordInput);
  if (!recorded.ok) {
    if (documentId) await deleteUpload(db, documentId);
    return data<Reply>({ result: submission.reply({ fieldErrors: await messages(request, recorded.errors) }) }, { status: 400 });
  }
  if (documentId) await attachDealDocument(db, event.id, recorded.value.id, actor, documentId, request);
  return redirectWithToast(dealUrl(recorded.value.id), { type: "success", key: "deals.records.saved" });
}

const ButtonSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm") }),
  z.object({ intent: z.literal("status"), to: z.enum(DEAL_STATUSES) }),
]);

/**
 * The deal page's posts: confirm (the other side) or verify (the organizer), a status change, or a signed
 * document. Refusals come back as a toast naming the reason; a deal the actor may not see is a 404.
 */
export async function dealPageAction(request: Request, eventId: string, dealId: string, actor: DealActor, here: string) {
  const read = await readUploadForm(request, MAX_DOCUMENT_BYTES);
  if (!read.ok) return redirectWithToast(here, { type: "error", key: read.reason === "too_large" ? DOCUMENT_ERROR : "validation.invalid" }, { status: 303 });
  const db = await getDb();
  if (read.value.get("intent") === "document") {
    const submission = parseForm(read.value, { schema: DocumentFormSchema });
    if (submission.status !== "success" || !submission.value.document?.size) {
      return redirectWithToast(here, { type: "error", key: submission.status === "success" ? "deals.document.required" : DOCUMENT_ERROR }, { status: 303 });
    }
    const file = submission.value.document;
    const stored = await storeDocument(db, Buffer.from(await file.arrayBuffer()), actor.userId, file.name);
    if (!stored.ok) return redirectWithToast(here, { type: "error", key: DOCUMENT_ERROR }, { status: 303 });
    const attached = await attachDealDocument(db, eventId, dealId, actor, stored.value.id, request);
    if (!attached.ok) {
      await deleteUpload(db, stored.value.id);
      throw new Response("Not found", { status: 404 });
    }
    return redirectWithToast(here, { type: "success", key: "deals.records.document_saved" });
  }
  const submission = parseForm(read.value, { schema: ButtonSchema });
  if (submission.status !== "success") return redirectWithToast(here, { type: "error", key: "validation.invalid" }, { status: 303 });
  const input = submission.value;
  const res = input.intent === "confirm"
    ? await confirmDealAs(db, eventId, dealId, actor, request)
    : await changeDealStatus(db, eventId, dealId, actor, input.to, request);
  if (!res.ok && res.reason === "not_found") throw new Response("Not found", { status: 404 });
  if (!res.ok) {
    const t = await getFixedT(request);
    const status = input.intent === "status" ? (t(`deals.statuses.${input.to}`) as string) : "";
    return redirectWithToast(here, { type: "error", key: `deals.errors.${res.reason}`, params: { status } }, { status: 303 });
  }
  const key = input.intent === "status" ? "deals.records.status_changed" : actor.party === "organizer" ? "deals.records.verified" : "deals.records.confirmed";
  return redirectWithToast(here, { type: "success", key });
}
