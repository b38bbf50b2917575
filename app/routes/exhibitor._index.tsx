import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { requireOwnBusiness } from "~/exhibitors/access.server";
import { listMyApplications } from "~/exhibitors/applications.server";
import { getBusinessByOwner, getProfileCompleteness } from "~/exhibitors/businesses.server";
import { listOpenCalls } from "~/exhibitors/calls.server";
import { StatusBadge } from "~/exhibitors/ui";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatDate, formatShortDate, formatTime } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Usaha saya · Pendopo" }];

const STEP_LINKS = {
  basics: "/exhibitor/profile", description: "/exhibitor/profile", whatsapp: "/exhibitor/profile", nib: "/exhibitor/profile",
  capacity: "/exhibitor/profile", products: "/exhibitor/products", photos: "/exhibitor/products", certifications: "/exhibitor/certifications",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireOwnBusiness(request);
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const now = new Date();
  const business = await getBusinessByOwner(db, user.id);
  const [completeness, applications, calls] = await Promise.all([
    getProfileCompleteness(db, business),
    business ? listMyApplications(db, business.id) : Promise.resolve([]),
    listOpenCalls(db, now),
  ]);
  const day = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  return {
    business: business ? { name: business.name } : null,
    completeness,
    applications: applications.map((a) => ({
      id: a.id, status: a.status, decisionMessage: a.decisionMessage, eventName: a.eventName, eventSlug: a.eventSlug,
      dates: `${day(a.firstDay)} – ${day(a.lastDay)} ${a.lastDay.slice(0, 4)}`,
    })),
    calls: calls.map((c) => ({
      slug: c.slug, name: c.name, city: c.city, organizerName: c.organizerName,
      closes: `${formatDate(c.closesAt, c.timeZone, locale)}, ${formatTime(c.closesAt, c.timeZone, locale)}`,
    })),
  };
}

export default function ExhibitorHome() {
  const { business, completeness, applications, calls } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{business ? business.name : t("exhibitors.home.welcome")}</h1>
      </div>
      {!business ? (
        <section className="card" aria-labelledby="start-heading">
          <h2 id="start-heading">{t("exhibitors.home.start_title")}</h2>
          <p>{t("exhibitors.home.start_intro")}</p>
          <Link className="btn" to="/exhibitor/profile">{t("exhibitors.home.start_button")}</Link>
        </section>
      ) : (
        <section className="card" aria-labelledby="completeness-heading">
          <h2 id="completeness-heading">{t("exhibitors.home.completeness")}</h2>
          <p style={{ margin: "0 0 .35rem" }}><strong>{completeness.percent}%</strong> {t("exhibitors.home.complete")}</p>
          <progress max={100} value={completeness.percent} aria-labelledby="completeness-heading" style={{ width: "100%", height: "1rem" }} />
          {completeness.missing.length > 0 ? (
            <>
              <p className="small muted" style={{ margin: ".5rem 0 .25rem" }}>{t("exhibitors.home.missing")}</p>
              <ul className="small" style={{ margin: 0 }}>
                {completeness.missing.map((step) => (
                  <li key={step}><Link to={STEP_LINKS[step]}>{t(`exhibitors.steps.${step}`)}</Link></li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}

      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">{t("exhibitors.home.my_applications")}</h2>
        {applications.length === 0 ? (
          <EmptyState>{t("exhibitors.home.no_applications")}</EmptyState>
        ) : (
          <ul className="item-list card">
            {applications.map((a) => (
              <li key={a.id}>
                <span>
                  <Link to={`/exhibitor/applications/${a.id}`}><strong>{a.eventName}</strong></Link>
                  <span className="small muted"> · {a.dates}</span>
                  {a.decisionMessage ? <span className="small" style={{ display: "block" }}>{a.decisionMessage}</span> : null}
                </span>
                <span className="row">
                  <StatusBadge status={a.status} />
                  {a.status === "draft" ? (
                    <Link className="btn btn-secondary btn-small" to={`/exhibitor/apply/${a.eventSlug}`}>
                      {t("exhibitors.home.continue_draft")}<span className="visually-hidden">: {a.eventName}</span>
                    </Link>
                  ) : null}
                  {a.status === "accepted" ? (
                    <Link className="btn btn-secondary btn-small" to={`/e/${a.eventSlug}/matchmaking`}>
                      {t("meetings.title")}<span className="visually-hidden">: {a.eventName}</span>
                    </Link>
                  ) : null}
                  {a.status === "accepted" ? (
                    <Link className="btn btn-secondary btn-small" to={`/e/${a.eventSlug}/deals`}>
                      {t("deals.mine.title")}<span className="visually-hidden">: {a.eventName}</span>
                    </Link>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="calls-heading" style={{ marginTop: "1.5rem" }}>
        <h2 id="calls-heading">{t("exhibitors.home.open_calls")}</h2>
        {calls.length === 0 ? (
          <p className="muted">{t("exhibitors.home.no_open_calls")}</p>
        ) : (
          <div className="grid grid-2">
            {calls.map((c) => (
              <article key={c.slug} className="card event-card">
                <h3><Link to={`/e/${c.slug}/exhibit`}>{c.name}</Link></h3>
                <p className="small muted" style={{ margin: 0 }}>{c.organizerName}{c.city ? ` · ${c.city}` : ""}</p>
                <p className="small" style={{ margin: 0 }}>{t("exhibitors.call.closes_at", { when: c.closes })}</p>
              </article>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
