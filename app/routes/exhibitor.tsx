import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui";
import { requireOwnBusiness } from "~/exhibitors/access.server";

/** The exhibitor portal's frame: the business name and the portal's sections. Every page below needs a sign-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwnBusiness(request);
  return { businessName: business?.name ?? null };
}

export default function ExhibitorLayout() {
  const { businessName } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <p className="breadcrumbs">{t("exhibitors.portal.title")}{businessName ? ` · ${businessName}` : ""}</p>
      <Tabs label={t("exhibitors.portal.sections")} items={[
        { to: "/exhibitor", label: t("exhibitors.portal.home"), active: pathname === "/exhibitor" || pathname.startsWith("/exhibitor/applications") || pathname.startsWith("/exhibitor/apply") },
        { to: "/exhibitor/profile", label: t("exhibitors.portal.profile"), active: pathname.startsWith("/exhibitor/profile") },
        { to: "/exhibitor/products", label: t("exhibitors.portal.products"), active: pathname.startsWith("/exhibitor/products") },
        { to: "/exhibitor/certifications", label: t("exhibitors.portal.certifications"), active: pathname.startsWith("/exhibitor/certifications") },
      ]} />
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
