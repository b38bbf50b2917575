import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { organizerActor } from "~/deals/access.server";
import { recordDealAction } from "~/deals/deal-actions.server";
import { DealForm } from "~/deals/deal-form";
import { listBuyers, listSellers, loadProducers } from "~/deals/deal-parties.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { localDateOf } from "~/utils/time";

import dealStyles from "~/deals/deals.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction = () => [{ title: "Catat transaksi · Pendopo" }];

/** The organizer records a deal from a paper form or a call (their entry counts as verified). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "deal:manage");
  const db = await getDb();
  const [sellers, buyers] = await Promise.all([listSellers(db, event.id), listBuyers(db, event.id)]);
  const producers = (await Promise.all([...new Set(sellers.map((s) => s.sector))].map((sector) => loadProducers(db, event.id, sector)))).flat();
  return {
    base: `/o/${org.slug}/events/${event.id}/deals/records`, today: localDateOf(new Date(), event.timeZone), locale: await getLocale(request),
    sellers: sellers.map((s) => ({ id: s.id, name: s.name, city: s.city, sector: s.sector })),
    buyers: buyers.map((b) => ({ id: b.id, name: b.name, city: b.city })), producers,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:manage");
  return recordDealAction(request, event, organizerActor(user.id), (id) => `/o/${org.slug}/events/${event.id}/deals/records/${id}`);
}

export default function OrganizerNewDeal() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="deals narrow-form">
      <p><Link to={data.base}>← {t("deals.records.title")}</Link></p>
      <p className="small muted">{t("deals.records.organizer_note")}</p>
      <DealForm side="organizer" sellers={data.sellers} buyers={data.buyers} producers={data.producers} today={data.today} locale={data.locale}
        prefill={{}} lastResult={actionData?.result} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
