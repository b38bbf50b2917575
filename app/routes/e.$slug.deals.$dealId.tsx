import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireDealParticipant } from "~/deals/access.server";
import { dealPageAction } from "~/deals/deal-actions.server";
import { presentDeal } from "~/deals/deal-present";
import { getDealDetail } from "~/deals/deal-records.server";
import { DealView } from "~/deals/deal-view";
import { dealForActor } from "~/deals/deals.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { isUuid } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Transaksi · Pendopo" }];

/** A deal the participant is party to; any other id is the same 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, actor } = await requireDealParticipant(request, params.slug);
  const db = await getDb();
  const deal = isUuid(params.dealId) ? await dealForActor(db, event.id, params.dealId, actor) : undefined;
  const detail = deal ? await getDealDetail(db, event.id, deal.id) : undefined;
  if (!deal || !detail) throw new Response("Not found", { status: 404 });
  return { slug: event.slug, side: deal.side, deal: presentDeal(detail, event.timeZone, await getLocale(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, actor } = await requireDealParticipant(request, params.slug);
  if (!isUuid(params.dealId)) throw new Response("Not found", { status: 404 });
  return dealPageAction(request, event.id, params.dealId, actor, `/e/${event.slug}/deals/${params.dealId}`);
}

export default function MyDeal() {
  const { slug, side, deal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="no-print"><Link to={`/e/${slug}/deals`}>← {t("deals.mine.list_title")}</Link></p>
      <DealView deal={deal} side={side} canChange documentUrl={`/e/${slug}/deals/${deal.id}/document`} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
