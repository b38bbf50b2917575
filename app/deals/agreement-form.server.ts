/**
 * The HTTP side shared by the new and edit actions: read the multipart form (up to the document's 10 MB),
 * validate it with the shared schema, store a chosen document. A refusal is a conform reply with the field
 * named (status 400, or 413 for a body over the limit) and nothing written.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import { parseForm } from "~/utils/form-parse.server";
import type { Executor } from "~/utils/db.server";
import { readUploadForm } from "~/utils/uploads.server";
import { AgreementSchema, MAX_DOCUMENT_BYTES, type AgreementInput } from "./agreement.schema";
import { storeAgreementDocument } from "./agreements.server";

const reply = (result: SubmissionResult<string[]>, status: number) => data({ result }, { status });
type Refused = { ok: false; response: ReturnType<typeof reply> };
type Read =
  | { ok: true; intent: "delete" }
  | { ok: true; intent: "save"; input: Omit<AgreementInput, "document" | "removeDocument">; removeDocument: boolean; uploadId: string | null }
  | Refused;

function refuse(result: SubmissionResult<string[]>, status: number): Refused {
  return { ok: false, response: reply(result, status) };
}

export async function readAgreementSubmission(db: Executor, request: Request, userId: string): Promise<Read> {
  const read = await readUploadForm(request, MAX_DOCUMENT_BYTES);
  if (!read.ok) {
    const error = read.reason === "too_large" ? "agreements.errors.document_too_large" : "validation.invalid";
    return refuse({ status: "error", error: { document: [error] } }, read.reason === "too_large" ? 413 : 400);
  }
  if (read.value.get("intent") === "delete") return { ok: true, intent: "delete" };
  const submission = parseForm(read.value, { schema: AgreementSchema });
  if (submission.status !== "success") return refuse(submission.reply(), 400);
  const { document, removeDocument, ...input } = submission.value;
  let uploadId: string | null = null;
  if (document) {
    const stored = await storeAgreementDocument(db, document, userId);
    if (!stored.ok) return refuse(submission.reply({ fieldErrors: { document: [`agreements.errors.${stored.reason}`] } }), 400);
    uploadId = stored.value.uploadId;
  }
  return { ok: true, intent: "save", input, removeDocument, uploadId };
}
