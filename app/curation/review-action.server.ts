import { parseForm } from "~/utils/form-parse.server";
import { data } from "@remix-run/node";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { DecideSchema, ScoreSchema } from "./curation.schema";
import { isOversizedForm } from "~/utils/form-parse.server";
import { saveScores } from "./curation.server";
import { decideApplication } from "./decisions.server";

type Params = { orgSlug?: string; eventId?: string; applicationId?: string };

/**
 * The action of one application's page: "score" (curation:score, curators included) or "decide"
 * (curation:decide, owners and admins only: a curator gets 403 and nothing changes). The permission is
 * picked from the intent before anything is read from the database.
 */
export async function reviewAction(request: Request, params: Params) {
  const form = await request.formData();
  const intent = form.get("intent");
  const { org, event, user } = await requireEventAccess(request, params, intent === "decide" ? "curation:decide" : "curation:score");
  if (!isUuid(params.applicationId)) throw new Response("Not found", { status: 404 });
  const applicationId = params.applicationId;
  const page = `/o/${org.slug}/events/${event.id}/curation/${applicationId}`;
  if (isOversizedForm(form)) {
    return data({ intent: intent === "decide" ? "decide" : "score", result: { status: "error" as const, error: { "": ["validation.invalid"] } } }, { status: 400 });
  }
  const db = await getDb();

  if (intent === "decide") {
    const submission = parseForm(form, { schema: DecideSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const res = await decideApplication(db, { organization: org, event, actorUserId: user.id, request }, { applicationId, ...submission.value });
    if (!res.ok) {
      if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
      return data({ intent, result: submission.reply({ formErrors: ["curation.errors.already_decided"] }) }, { status: 409 });
    }
    return redirectWithToast(page, { type: "success", key: `curation.decision.decided_${res.value.status}`, params: { email: res.value.email } });
  }

  const submission = parseForm(form, { schema: ScoreSchema });
  if (submission.status !== "success") return data({ intent: "score", result: submission.reply() }, { status: 400 });
  const res = await saveScores(db, { eventId: event.id, applicationId, curatorUserId: user.id, scores: submission.value.scores });
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    const reply = res.reason === "unknown_criterion" || res.reason === "duplicate_criterion"
      ? submission.reply({ fieldErrors: { [`scores[${res.detail}].criterionId`]: [`curation.errors.${res.reason}`] } })
      : submission.reply({ formErrors: [`curation.errors.${res.reason}`] });
    return data({ intent: "score", result: reply }, { status: res.reason === "closed" ? 409 : 400 });
  }
  return redirectWithToast(page, { type: "success", key: "curation.scoring.saved" });
}
