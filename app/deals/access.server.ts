// Who may use an event's deal pages as a participant: a signed-in buyer or seller of the published event (others
// go to the matchmaking sign-up, as on the matchmaking pages). Organizers use requireEventAccess instead.
import { requireParticipant } from "~/meetings/access.server";
import type { DealActor } from "./deals.server";

/** The event, the participant and the participant as a deal actor. */
export async function requireDealParticipant(request: Request, slug: string | undefined) {
  const ctx = await requireParticipant(request, slug);
  const actor: DealActor = { party: ctx.participant.kind, userId: ctx.user.id, participantId: ctx.participant.id };
  return { ...ctx, actor };
}

/** The organizer as a deal actor. */
export const organizerActor = (userId: string): DealActor => ({ party: "organizer", userId });
