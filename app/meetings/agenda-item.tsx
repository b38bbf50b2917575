// One meeting on a personal agenda: when, with whom, where (booth on the map), and after it starts the
// held/no-show buttons and the short feedback form.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FEEDBACK_INTERESTS, FEEDBACK_NEXT_STEPS } from "./vocabulary";

export type AgendaMeeting = {
  id: string; day: string; time: string; otherName: string | null; otherKind: string; otherEmail: string; tableNo: number | null;
  boothCode: string | null; sector: string | null; status: string; started: boolean;
  feedback?: { interest: string; nextStep: string; note: string };
};

function Outcome({ m, slug }: { m: AgendaMeeting; slug: string }) {
  const { t } = useTranslation();
  return (
    <div className="no-print">
      {m.status !== "published" ? <p><span className={`badge ${m.status === "held" ? "badge-ok" : "badge-muted"}`}>{t(`meetings.outcome.${m.status}`)}</span></p> : null}
      <Form method="post" className="row">
        <input type="hidden" name="intent" value="mark-outcome" />
        <input type="hidden" name="meetingId" value={m.id} />
        {m.status !== "held" ? <button type="submit" name="outcome" value="held" className="btn btn-secondary btn-small">{t("meetings.outcome.mark_held")}</button> : null}
        {m.status !== "no_show" ? <button type="submit" name="outcome" value="no_show" className="btn btn-secondary btn-small">{t("meetings.outcome.mark_no_show")}</button> : null}
      </Form>
      {m.status === "held" ? (
        <p><Link className="btn btn-small" to={`/e/${slug}/deals/new?meeting=${m.id}`}>{t("deals.mine.record_from_meeting")}</Link></p>
      ) : null}
      {m.status === "held" ? (
        <Form method="post" className="stack" style={{ marginTop: ".6rem" }} aria-label={t("meetings.outcome.feedback")}>
          <input type="hidden" name="intent" value="feedback" />
          <input type="hidden" name="meetingId" value={m.id} />
          <div className="fields-inline">
            <div className="field">
              <label htmlFor={`interest-${m.id}`}>{t("meetings.outcome.interest")}</label>
              <select id={`interest-${m.id}`} name="interest" defaultValue={m.feedback?.interest ?? "medium"}>
                {FEEDBACK_INTERESTS.map((i) => <option key={i} value={i}>{t(`meetings.outcome.interests.${i}`)}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`next-${m.id}`}>{t("meetings.outcome.next_step")}</label>
              <select id={`next-${m.id}`} name="nextStep" defaultValue={m.feedback?.nextStep ?? "follow_up"}>
                {FEEDBACK_NEXT_STEPS.map((n) => <option key={n} value={n}>{t(`meetings.outcome.next_steps.${n}`)}</option>)}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`note-${m.id}`}>{t("meetings.outcome.note")} <span className="muted small">({t("common.optional")})</span></label>
            <textarea id={`note-${m.id}`} name="note" maxLength={300} defaultValue={m.feedback?.note ?? ""} />
          </div>
          <button type="submit" className="btn btn-small">{t("meetings.outcome.save")}</button>
        </Form>
      ) : null}
    </div>
  );
}

export function AgendaItem({ m, slug }: { m: AgendaMeeting; slug: string }) {
  const { t } = useTranslation();
  const place = m.tableNo !== null ? t("meetings.agenda.table", { n: m.tableNo }) : m.boothCode ? t("meetings.agenda.booth", { code: m.boothCode }) : t("meetings.agenda.place_tba");
  return (
    <li className="match-card agenda-item">
      <div><div className="when">{m.time}</div><div className="small muted">{m.day}</div></div>
      <div>
        <h3>{m.otherName}</h3>
        <p className="small muted">{t(`meetings.kinds.${m.otherKind}`)}{m.sector ? ` · ${t(`exhibitors.sectors.${m.sector}`)}` : ""} · {m.otherEmail}</p>
        <p><strong>{place}</strong>
          {m.boothCode ? <> · <Link className="no-print" to={`/e/${slug}/map?booth=${encodeURIComponent(m.boothCode)}`}>{t("meetings.agenda.on_map")}</Link></> : null}
        </p>
        {m.started ? <Outcome m={m} slug={slug} /> : null}
      </div>
    </li>
  );
}
