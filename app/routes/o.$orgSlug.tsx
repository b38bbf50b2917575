import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui";
import { can } from "~/utils/permissions";
import { requireOrgAccess } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireOrgAccess(request, params.orgSlug, "org:view");
  return { org, role, canManage: can(role, "member:manage") };
}

export default function OrganizationLayout() {
  const { org, role, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/o/${org.slug}`;
  const inEvent = pathname.startsWith(`${base}/events/`) && !pathname.endsWith("/events/new");
  const items = [
    { to: base, label: t("nav.events"), active: pathname === base || pathname.startsWith(`${base}/events`) },
    ...(canManage
      ? [
          { to: `${base}/members`, label: t("nav.members"), active: pathname.startsWith(`${base}/members`) },
          { to: `${base}/mail`, label: t("nav.mail"), active: pathname.startsWith(`${base}/mail`) },
        ]
      : []),
  ];
  return (
    <>
      <p className="breadcrumbs">{org.name} · {t(`roles.${role}`)}</p>
      {inEvent ? null : <Tabs items={items} label={org.name} />}
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
