// Who may use an event's matchmaking pages: a signed-in account, on a published event. Buyers and sellers are
// told apart by their participant row (sellers are found from their accepted application).
import { redirect } from "@remix-run/node";
import { getPublishedEvent } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { requireUser, type SessionUser } from "~/utils/session.server";
import { findParticipant, type Participant } from "./participants.server";
import { getSettings, type MatchSettings } from "./settings.server";

export type MatchEvent = NonNullable<Awaited<ReturnType<typeof getPublishedEvent>>>;
export type MatchContext = { user: SessionUser; event: MatchEvent; settings: MatchSettings; participant: Participant | null };

/** The event (404 when not published), the signed-in user (else to the sign-in page), settings and participant. */
export async function requireMatchContext(request: Request, slug: string | undefined): Promise<MatchContext> {
  const db = await getDb();
  const event = await getPublishedEvent(db, slug ?? "");
  if (!event) throw new Response("Not found", { status: 404 });
  const user = await requireUser(request);
  const [settings, participant] = await Promise.all([getSettings(db, event.id), findParticipant(db, event.id, user.id)]);
  return { user, event, settings, participant };
}

/** As requireMatchContext, for pages that need the person registered (buyers go to the sign-up form first). */
export async function requireParticipant(request: Request, slug: string | undefined): Promise<MatchContext & { participant: Participant }> {
  const ctx = await requireMatchContext(request, slug);
  if (!ctx.participant) {
    throw redirect(`/e/${ctx.event.slug}/matchmaking/register`);
  }
  return { ...ctx, participant: ctx.participant };
}
