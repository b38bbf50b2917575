import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { requireParticipant } from "~/meetings/access.server";
import { RespondSchema } from "~/meetings/matchmaking.schema";
import { listRequests, respondToRequest } from "~/meetings/requests.server";
import { RequestStatus } from "~/meetings/ui";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Permintaan temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { participant, settings } = await requireParticipant(request, params.slug);
  const requests = await listRequests(await getDb(), participant);
  const open = requests.filter((r) => !r.incoming && r.status === "requested").length;
  return { requests: requests.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), open, limit: settings.openRequestLimit };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { participant, event } = await requireParticipant(request, params.slug);
  const here = `/e/${event.slug}/matchmaking/requests`;
  const submission = parseForm(await request.formData(), { schema: RespondSchema });
  if (submission.status !== "success") {
    const key = submission.error?.reason?.[0] ?? "meetings.validation.not_found";
    return redirectWithToast(here, { type: "error", key: key.startsWith("validation.") ? "meetings.validation.reason_needed" : key });
  }
  const res = await respondToRequest(await getDb(), { me: participant, action: submission.value, now: new Date(), appUrl: getEnv().APP_URL });
  if (!res.ok) return redirectWithToast(here, { type: "error", key: `meetings.validation.${res.reason}` });
  const { status, meetingId, unscheduled } = res.value;
  const key = status !== "accepted" ? `meetings.request.${status}` : meetingId ? "meetings.request.accepted"
    : unscheduled ? "meetings.request.accepted_unscheduled" : "meetings.request.accepted_batch";
  return redirectWithToast(meetingId ? `/e/${event.slug}/matchmaking/agenda` : here, { type: "success", key });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["requests"][number];

function RequestItem({ r }: { r: Row }) {
  const { t } = useTranslation();
  return (
    <li className="match-card">
      <h3>{t(r.incoming ? "meetings.request.from" : "meetings.request.to", { name: r.otherName })}</h3>
      <p className="small muted">{t(`meetings.kinds.${r.otherKind}`)} · <RequestStatus status={r.status} />{r.mutual ? <> <span className="badge badge-ok">{t("meetings.request.mutual_badge")}</span></> : null}</p>
      {r.message ? <p>“{r.message}”</p> : null}
      {r.reason ? <p className="small">{t("meetings.request.reason_label", { reason: r.reason })}</p> : null}
      <div className="match-actions row">
        {r.incoming && r.status === "requested" ? (
          <>
            <Form method="post">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit" name="intent" value="accept" className="btn btn-small">{t("meetings.request.accept")}</button>
            </Form>
            <details>
              <summary className="btn btn-secondary btn-small" role="button">{t("meetings.request.decline")}</summary>
              <Form method="post" className="stack" style={{ marginTop: ".5rem" }}>
                <input type="hidden" name="requestId" value={r.id} />
                <div className="field">
                  <label htmlFor={`reason-${r.id}`}>{t("meetings.fields.reason")}</label>
                  <p className="hint" id={`reason-${r.id}-hint`}>{t("meetings.fields.reason_hint")}</p>
                  <textarea id={`reason-${r.id}`} name="reason" required maxLength={300} aria-describedby={`reason-${r.id}-hint`} />
                </div>
                <button type="submit" name="intent" value="decline" className="btn btn-danger btn-small">{t("meetings.request.decline")}</button>
              </Form>
            </details>
          </>
        ) : null}
        {(r.status === "accepted" || (!r.incoming && r.status === "requested")) ? (
          <ConfirmAction label={t("meetings.request.cancel")} intent="cancel" fields={{ requestId: r.id }} confirmText={t("meetings.request.cancel_confirm")} />
        ) : null}
      </div>
    </li>
  );
}

export default function MatchRequests() {
  const { requests, open, limit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const incoming = requests.filter((r) => r.incoming);
  const outgoing = requests.filter((r) => !r.incoming);
  return (
    <>
      <section aria-labelledby="in-title">
        <h2 id="in-title">{t("meetings.request.incoming")}</h2>
        {incoming.length === 0 ? <EmptyState>{t("meetings.request.empty_in")}</EmptyState> : <ul className="match-list two">{incoming.map((r) => <RequestItem key={r.id} r={r} />)}</ul>}
      </section>
      <section aria-labelledby="out-title">
        <h2 id="out-title">{t("meetings.request.outgoing")}</h2>
        <p className="small muted">{t("meetings.request.open_count", { count: open, limit })}</p>
        {outgoing.length === 0 ? <EmptyState>{t("meetings.request.empty_out")}</EmptyState> : <ul className="match-list two">{outgoing.map((r) => <RequestItem key={r.id} r={r} />)}</ul>}
      </section>
    </>
  );
}
