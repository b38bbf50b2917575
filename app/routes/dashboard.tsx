import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { getBusinessByOwner } from "~/exhibitors/businesses.server";
import { listMyOrganizations } from "~/organizations/organizations.server";
import { getDb } from "~/utils/db.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Dasbor · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const [orgs, business] = await Promise.all([listMyOrganizations(db, user.id), getBusinessByOwner(db, user.id)]);
  // One organization is the common case: go straight to it. An exhibitor (a business, no organization) goes to the portal.
  if (orgs.length === 1) throw redirect(`/o/${orgs[0]!.slug}`);
  if (orgs.length === 0 && business) throw redirect("/exhibitor");
  return { orgs, business: business ? { name: business.name } : null };
}

export default function Dashboard() {
  const { orgs, business } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t("org.your_orgs")}</h1>
        {orgs.length > 0 ? <Link className="btn" to="/orgs/new">{t("org.create_title")}</Link> : null}
      </div>
      {orgs.length === 0 ? (
        <>
          <EmptyState action={<Link className="btn" to="/orgs/new">{t("org.create_button")}</Link>}>{t("org.none_yet")}</EmptyState>
          <section className="card" aria-labelledby="exhibitor-choice" style={{ marginTop: "1rem" }}>
            <h2 id="exhibitor-choice">{t("exhibitors.dashboard_choice.title")}</h2>
            <p>{t("exhibitors.dashboard_choice.intro")}</p>
            <Link className="btn btn-secondary" to="/exhibitor/profile">{t("exhibitors.dashboard_choice.button")}</Link>
          </section>
        </>
      ) : (
        <div className="grid grid-2">
          {orgs.map((o) => (
            <Link key={o.id} to={`/o/${o.slug}`} className="card" style={{ textDecoration: "none", color: "inherit" }}>
              <h2 style={{ marginBottom: ".2rem" }}>{o.name}</h2>
              <p className="muted small" style={{ margin: 0 }}>{t(`org.kinds.${o.kind}`)} · {t(`roles.${o.role}`)}</p>
            </Link>
          ))}
          {business ? (
            <Link to="/exhibitor" className="card" style={{ textDecoration: "none", color: "inherit" }}>
              <h2 style={{ marginBottom: ".2rem" }}>{business.name}</h2>
              <p className="muted small" style={{ margin: 0 }}>{t("exhibitors.portal.title")}</p>
            </Link>
          ) : null}
        </div>
      )}
    </>
  );
}
