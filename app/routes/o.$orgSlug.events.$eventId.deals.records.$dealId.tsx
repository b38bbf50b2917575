import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { organizerActor } from "~/deals/access.server";
import { dealPageAction } from "~/deals/deal-actions.server";
import { presentDeal } from "~/deals/deal-present";
import { getDealDetail } from "~/deals/deal-records.server";
import { DealView } from "~/deals/deal-view";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";

import dealStyles from "~/deals/deals.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction = () => [{ title: "Transaksi · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "deal:view");
  const detail = isUuid(params.dealId) ? await getDealDetail(await getDb(), event.id, params.dealId) : undefined;
  if (!detail) throw new Response("Not found", { status: 404 });
  return {
    base: `/o/${org.slug}/events/${event.id}/deals/records`, canManage: can(role, "deal:manage"),
    deal: presentDeal(detail, event.timeZone, await getLocale(request)),
  };
}

/** Verify (confirmDealAs as organizer), change the status, attach the signed document. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:manage");
  if (!isUuid(params.dealId)) throw new Response("Not found", { status: 404 });
  return dealPageAction(request, event.id, params.dealId, organizerActor(user.id), `/o/${org.slug}/events/${event.id}/deals/records/${params.dealId}`);
}

export default function OrganizerDeal() {
  const { base, canManage, deal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="deals">
      <p><Link to={base}>← {t("deals.records.title")}</Link></p>
      <DealView deal={deal} side="organizer" canChange={canManage} documentUrl={`${base}/${deal.id}/document`} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
