import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireDealParticipant } from "~/deals/access.server";
import { recordDealAction } from "~/deals/deal-actions.server";
import { DealForm } from "~/deals/deal-form";
import { findHeldMeeting, listBuyers, listSellers, loadProducers } from "~/deals/deal-parties.server";
import { listPersonalAgenda } from "~/meetings/agenda.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { isUuid } from "~/utils/permissions.server";
import { formatShortDate, formatTimeRange, localDateOf } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Catat transaksi · Pendopo" }];

/** The form, prefilled from a held meeting (`?meeting=<id>`) with the other side of it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant } = await requireDealParticipant(request, params.slug);
  const db = await getDb();
  const locale = await getLocale(request);
  const [sellers, buyers, agenda] = await Promise.all([
    listSellers(db, event.id), participant.kind === "seller" ? listBuyers(db, event.id) : [], listPersonalAgenda(db, participant.id),
  ]);
  const self = sellers.find((s) => s.id === participant.id);
  const producers = self ? await loadProducers(db, event.id, self.sector) : [];
  const held = agenda.filter((m) => m.status === "held").map((m) => ({
    id: m.id, label: `${m.otherName ?? ""} · ${formatShortDate(m.startsAt, event.timeZone, locale)} ${formatTimeRange(m.startsAt, m.endsAt, event.timeZone, locale)}`,
  }));
  const meetingId = new URL(request.url).searchParams.get("meeting");
  const chosen = isUuid(meetingId) ? held.find((m) => m.id === meetingId) : undefined;
  const meeting = chosen ? await findHeldMeeting(db, event.id, chosen.id) : undefined;
  const other = meeting?.participants.find((p) => p.id !== participant.id);
  return {
    side: participant.kind, today: localDateOf(new Date(), event.timeZone), locale, held,
    sellers: sellers.map((s) => ({ id: s.id, name: s.name, city: s.city, sector: s.sector })),
    buyers: buyers.map((b) => ({ id: b.id, name: b.name, city: b.city })), producers,
    prefill: {
      meetingId: meeting ? chosen!.id : undefined, meetingLabel: chosen?.label,
      buyerId: participant.kind === "seller" && other?.kind === "buyer" ? other.id : undefined,
      sellerId: participant.kind === "buyer" && other?.kind === "seller" ? other.id : undefined,
      selfSellerId: self?.id, selfName: self?.name,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, actor } = await requireDealParticipant(request, params.slug);
  return recordDealAction(request, event, actor, (id) => `/e/${event.slug}/deals/${id}`);
}

export default function NewDeal() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      {data.held.length ? (
        <Form method="get" className="card row" aria-label={t("deals.form.from_meeting_pick")}>
          <div className="field" style={{ flex: 1 }}>
            <label htmlFor="meeting">{t("deals.form.from_meeting_pick")}</label>
            <select id="meeting" name="meeting" defaultValue={data.prefill.meetingId ?? ""}>
              <option value="">{t("deals.form.no_meeting")}</option>
              {data.held.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary btn-small">{t("deals.form.use_meeting")}</button>
        </Form>
      ) : null}
      <DealForm key={data.prefill.meetingId ?? "none"} side={data.side} sellers={data.sellers} buyers={data.buyers} producers={data.producers}
        today={data.today} locale={data.locale} prefill={data.prefill} lastResult={actionData?.result} />
    </>
  );
}
