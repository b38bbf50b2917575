import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { listMyOrganizations } from "~/organizations/organizations.server";
import { getDb } from "~/utils/db.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Dasbor · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orgs = await listMyOrganizations(await getDb(), user.id);
  // One organization is the common case: go straight to it.
  if (orgs.length === 1) throw redirect(`/o/${orgs[0]!.slug}`);
  return { orgs };
}

export default function Dashboard() {
  const { orgs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t("org.your_orgs")}</h1>
        {orgs.length > 0 ? <Link className="btn" to="/orgs/new">{t("org.create_title")}</Link> : null}
      </div>
      {orgs.length === 0 ? (
        <EmptyState action={<Link className="btn" to="/orgs/new">{t("org.create_button")}</Link>}>{t("org.none_yet")}</EmptyState>
      ) : (
        <div className="grid grid-2">
          {orgs.map((o) => (
            <Link key={o.id} to={`/o/${o.slug}`} className="card" style={{ textDecoration: "none", color: "inherit" }}>
              <h2 style={{ marginBottom: ".2rem" }}>{o.name}</h2>
              <p className="muted small" style={{ margin: 0 }}>{t(`org.kinds.${o.kind}`)} · {t(`roles.${o.role}`)}</p>
            </Link>
          ))}
        </div>
      )}
    </>
  );
}
