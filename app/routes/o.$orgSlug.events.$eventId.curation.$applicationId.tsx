import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OPEN_STATUSES, type OpenStatus } from "~/curation/curation.schema";
import { getApplicationForCuration, listCriteria, listReviews } from "~/curation/curation.server";
import { reviewAction } from "~/curation/review-action.server";
import { StatusBadge } from "~/curation/ui/bits";
import { DecisionForm } from "~/curation/ui/decision-form";
import { BusinessProfile } from "~/curation/ui/profile";
import { Reviews } from "~/curation/ui/reviews";
import { ScoringForm } from "~/curation/ui/scoring-form";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { formatDate, formatShortDate, formatTime } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.application.businessName ?? "Kurasi"} · Pendopo` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, user, role } = await requireEventAccess(request, params, "curation:score");
  if (!isUuid(params.applicationId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const application = await getApplicationForCuration(db, event.id, params.applicationId);
  if (!application) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const criteria = await listCriteria(db, event.id);
  const { reviews, average, curators } = await listReviews(db, event.id, application.id, criteria);
  const when = (d: Date) => `${formatShortDate(d, event.timeZone, locale)} ${formatTime(d, event.timeZone, locale)}`;
  const mine = reviews.find((r) => r.curatorUserId === user.id);
  return {
    base: `/o/${org.slug}/events/${event.id}/curation`,
    locale, me: user.id, criteria, average, curators,
    canDecide: can(role, "curation:decide"),
    application: {
      ...application,
      submitted: application.submittedAt ? formatDate(application.submittedAt, event.timeZone, locale) : null,
      decided: application.decidedAt ? when(application.decidedAt) : null,
    },
    reviews: reviews.map((r) => ({ ...r, updated: when(r.updatedAt) })),
    mine: Object.fromEntries((mine?.scores ?? []).map((s) => [s.criterionId, { score: s.score, comment: s.comment }])),
    myWeighted: mine?.weighted,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return reviewAction(request, params);
}

export default function ReviewApplication() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { application: app, criteria } = data;
  const open = (OPEN_STATUSES as readonly string[]).includes(app.status);
  const none = t("curation.none");
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={data.base}>← {t("curation.detail.back")}</Link></p>
      <div className="page-header">
        <div>
          <h2 style={{ margin: 0 }}>{app.businessName}</h2>
          <span className="muted small">{t(`curation.sectors.${app.sector}`)} · {app.city}, {app.province}</span>
        </div>
        <StatusBadge status={app.status} />
      </div>
      <div className="grid grid-2 grid-top">
        <div>
          <BusinessProfile profile={app} locale={data.locale} />
          <section className="card" aria-labelledby="application-heading">
            <h2 id="application-heading">{t("curation.detail.application")}</h2>
            <dl className="profile-grid">
              <div><dt>{t("curation.detail.preferred_size")}</dt><dd>{app.preferredSizeM2 ? t("curation.size_m2", { size: app.preferredSizeM2 }) : none}</dd></div>
              <div><dt>{t("curation.detail.preferred_zone")}</dt><dd>{app.preferredZone || none}</dd></div>
              <div><dt>{t("curation.detail.history")}</dt><dd>{t("curation.years", { count: app.historyYears })}</dd></div>
              <div><dt>{t("curation.detail.submitted_at")}</dt><dd>{app.submitted ?? none}</dd></div>
            </dl>
            <h3 style={{ marginTop: "1rem" }}>{t("curation.detail.motivation")}</h3>
            <p className="long-text">{app.motivation || none}</p>
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="scoring-heading">
            <h2 id="scoring-heading">{t("curation.scoring.heading")}</h2>
            {criteria.length === 0 ? <p className="muted">{t("curation.queue.no_criteria")}</p>
              : !open ? <p className="muted">{t("curation.scoring.closed")}</p> : (
                <>
                  <p className="muted small">{t("curation.scoring.intro")}</p>
                  <ScoringForm criteria={criteria} mine={data.mine} myWeighted={data.myWeighted}
                    lastResult={actionData?.intent === "score" ? actionData.result : undefined} />
                </>
              )}
          </section>
          <Reviews reviews={data.reviews} criteria={criteria} average={data.average} curators={data.curators} me={data.me} />
          <section className="card" aria-labelledby="decision-heading">
            <h2 id="decision-heading">{t("curation.decision.heading")}</h2>
            <p>{t("curation.decision.current", { status: t(`curation.statuses.${app.status}`) })}</p>
            {app.decided ? <p className="small">{t("curation.decision.decided_by", { name: app.decidedByName ?? none, date: app.decided })}</p> : null}
            {app.decided && app.decisionMessage ? (
              <><h3>{t("curation.decision.message_sent")}</h3><p className="long-text">{app.decisionMessage}</p></>
            ) : null}
            {!data.canDecide ? <p className="muted small">{t("curation.decision.only_admins")}</p>
              : open ? <DecisionForm key={app.status} status={app.status as OpenStatus} lastResult={actionData?.intent === "decide" ? actionData.result : undefined} />
              : <p className="muted small">{t("curation.decision.final")}</p>}
          </section>
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
