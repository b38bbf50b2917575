import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublishedEvents } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { getUser } from "~/utils/session.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Pendopo" }, { name: "description", content: "Pendopo: pameran, temu bisnis dan kurasi UMKM" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [db, user, locale] = await Promise.all([getDb(), getUser(request), getLocale(request)]);
  const events = await listPublishedEvents(db);
  return {
    signedIn: Boolean(user),
    events: events.map((e) => ({
      ...e,
      dates: `${formatDate(`${e.firstDay}T12:00:00Z`, "UTC", locale)} – ${formatDate(`${e.lastDay}T12:00:00Z`, "UTC", locale)}`,
    })),
  };
}

export default function Home() {
  const { signedIn, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <h1>{t("home.hero")}</h1>
        <p className="muted" style={{ maxWidth: "60ch" }}>{t("home.intro")}</p>
        <div className="row">
          <Link className="btn" to={signedIn ? "/dashboard" : "/signup"}>{signedIn ? t("home.go_dashboard") : t("home.start")}</Link>
          <Link className="btn btn-secondary" to={signedIn ? "/exhibitor" : `/signup?redirectTo=${encodeURIComponent("/exhibitor/profile")}`}>
            {t("exhibitors.register_cta")}
          </Link>
        </div>
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t("public.upcoming")}</h2>
        {events.length === 0 ? (
          <p className="muted">{t("public.no_events")}</p>
        ) : (
          <div className="grid grid-3">
            {events.map((e) => (
              <article key={e.slug} className="card event-card">
                <h3><Link to={`/e/${e.slug}`}>{e.name}</Link></h3>
                <p className="muted small" style={{ margin: 0 }}>{t(`events.kinds.${e.kind}`)} · {e.city}</p>
                <p className="small" style={{ margin: 0 }}>{e.dates}</p>
                <p className="small muted" style={{ margin: 0 }}>{e.organizerName}</p>
              </article>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
