import { parseForm } from "~/utils/form-parse.server";
import { data } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { SessionSchema } from "./agenda.schema";
import { createSession, updateSession } from "./agenda.server";

/** The shared action of "add session" and "edit session": validate, write, map reasons to field errors. */
export async function saveSessionAction(request: Request, params: { orgSlug?: string; eventId?: string }, sessionId?: string) {
  const { org, event, user } = await requireEventAccess(request, params, "agenda:update");
  const submission = parseForm(await request.formData(), { schema: SessionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const result = sessionId
    ? await updateSession(db, event, sessionId, submission.value)
    : await createSession(db, event, submission.value);
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response("Not found", { status: 404 });
    const field = result.reason === "overlap" ? "startTime" : result.reason === "room_not_found" ? "roomId" : "day";
    const message = result.reason === "overlap" ? `agenda.overlap|${result.detail ?? ""}` : `agenda.${result.reason}`;
    return data({ result: submission.reply({ fieldErrors: { [field]: [message] } }) }, { status: 409 });
  }
  await audit(db, {
    action: sessionId ? "agenda.session_updated" : "agenda.session_created",
    actorUserId: user.id, organizationId: org.id, eventId: event.id, entityId: result.value.id, request,
  });
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/agenda?day=${submission.value.day}`, {
    type: "success", key: sessionId ? "agenda.updated" : "agenda.created",
  });
}
