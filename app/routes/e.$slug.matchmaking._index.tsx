import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { requireMatchContext } from "~/meetings/access.server";
import { listRecommendations } from "~/meetings/directory.server";
import { ParticipantCard } from "~/meetings/participant-card";
import { sendRequestAction } from "~/meetings/request-action.server";
import { listRequests } from "~/meetings/requests.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatDate, formatTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant, settings } = await requireMatchContext(request, params.slug);
  if (!participant) return { slug: event.slug, viewer: null, recommendations: [], existing: {}, deadline: null, enabled: settings.enabled };
  const db = await getDb();
  const locale = await getLocale(request);
  const [recommendations, requests] = await Promise.all([listRecommendations(db, event.id, participant), listRequests(db, participant)]);
  const deadline = settings.requestDeadline
    ? `${formatDate(settings.requestDeadline, event.timeZone, locale)}, ${formatTime(settings.requestDeadline, event.timeZone, locale)}` : null;
  return {
    slug: event.slug, viewer: participant.kind, recommendations, deadline, enabled: settings.enabled,
    existing: Object.fromEntries(requests.filter((r) => !r.incoming).map((r) => [r.otherId, r.status])),
  };
}

export const action = ({ request, params }: ActionFunctionArgs) => sendRequestAction(request, params.slug);

export default function MatchmakingHome() {
  const { slug, viewer, recommendations, existing, deadline, enabled } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!viewer) {
    return (
      <EmptyState action={<Link className="btn" to={`/e/${slug}/matchmaking/register`}>{t("meetings.home.register_cta")}</Link>}>
        {t("meetings.home.not_registered")}
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="recs">
      <h2 id="recs">{t("meetings.home.recommendations")}</h2>
      {deadline ? <p className="small muted">{t("meetings.home.deadline", { when: deadline })}</p> : null}
      {recommendations.length === 0 ? (
        <EmptyState action={<Link className="btn btn-secondary" to={`/e/${slug}/matchmaking/directory`}>{t("meetings.nav.directory")}</Link>}>
          {t("meetings.home.no_recommendations")}
        </EmptyState>
      ) : (
        <ul className="match-list two">
          {recommendations.map((r) => (
            <ParticipantCard key={r.id} person={r} reasons={r.fit.reasons} viewer={viewer} existing={(existing as Record<string, string>)[r.id]} canRequest={enabled} />
          ))}
        </ul>
      )}
    </section>
  );
}
