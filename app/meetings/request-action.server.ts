// The "send a meeting request" form posted from the recommendations and the directory: one handler for both.
import { parseForm } from "~/utils/form-parse.server";
import { getDb } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";
import { requireMatchContext } from "./access.server";
import { SendRequestSchema } from "./matchmaking.schema";
import { sendRequest } from "./requests.server";

/** Sends the request and comes back to the page with a toast; every refusal names its reason. */
export async function sendRequestAction(request: Request, slug: string | undefined): Promise<Response> {
  const ctx = await requireMatchContext(request, slug);
  const back = new URL(request.url);
  const here = back.pathname + back.search;
  const submission = parseForm(await request.formData(), { schema: SendRequestSchema });
  if (submission.status !== "success") {
    const messageError = submission.error?.message?.[0];
    return redirectWithToast(here, { type: "error", key: messageError ? "meetings.validation.message" : "meetings.validation.not_found" }, { status: 303 });
  }
  if (!ctx.participant) return redirectWithToast(`/e/${ctx.event.slug}/matchmaking/register`, { type: "error", key: "meetings.validation.not_registered" });
  const sent = await sendRequest(await getDb(), { from: ctx.participant, toId: submission.value.toId, message: submission.value.message, now: new Date() });
  if (!sent.ok) {
    const params = { limit: ctx.settings.openRequestLimit, kind: ctx.participant.kind === "buyer" ? "buyer" : "seller" };
    return redirectWithToast(here, { type: "error", key: `meetings.validation.${sent.reason}`, params });
  }
  return redirectWithToast(here, { type: "success", key: sent.value.mutual ? "meetings.request.mutual" : "meetings.request.sent" });
}
