// The detail page's actions: reissue, revoke and block behind a confirmation with a reason; unblock,
// approve and "send again" as one click; a link to edit the holder's details. Plain forms (work without JavaScript).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Badge = { id: string; status: string; email: string | null; holderName: string };

function ReasonAction({ intent, label, confirm }: { intent: "revoke" | "block"; label: string; confirm: string }) {
  const { t } = useTranslation();
  return (
    <details className="confirm">
      <summary className="btn btn-secondary btn-small" role="button">{label}</summary>
      <div className="confirm-box">
        <Form method="post">
          <p style={{ margin: "0 0 .5rem" }}>{confirm}</p>
          <div className="field">
            <label htmlFor={`${intent}-reason`}>{t("badges.detail.reason")}</label>
            <input id={`${intent}-reason`} name="reason" type="text" required minLength={2} maxLength={500} />
          </div>
          <button type="submit" name="intent" value={intent} className="btn btn-danger btn-small">{label}</button>
        </Form>
      </div>
    </details>
  );
}

export function BadgeActions({ badge }: { badge: Badge }) {
  const { t } = useTranslation();
  const live = badge.status !== "revoked";
  return (
    <div className="actions-grid" style={{ marginTop: "1rem" }}>
      {live ? <Link to="edit" relative="path" className="btn btn-secondary btn-small">{t("badges.actions.edit")}</Link> : null}
      {badge.status === "blocked" ? (
        <Form method="post"><button type="submit" name="intent" value="unblock" className="btn btn-small">{t("badges.actions.unblock")}</button></Form>
      ) : null}
      {badge.status === "pending" ? (
        <Form method="post"><button type="submit" name="intent" value="approve" className="btn btn-small">{t("badges.actions.approve")}</button></Form>
      ) : null}
      {live && badge.email ? (
        <Form method="post"><button type="submit" name="intent" value="send-email" className="btn btn-secondary btn-small">{t("badges.actions.send_email")}</button></Form>
      ) : null}
      {live ? (
        <details className="confirm">
          <summary className="btn btn-secondary btn-small" role="button">{t("badges.actions.reissue")}</summary>
          <div className="confirm-box">
            <Form method="post">
              <p style={{ margin: "0 0 .5rem" }}>{t("badges.actions.reissue_confirm")}</p>
              {badge.email ? <label className="check"><input type="checkbox" name="sendEmail" defaultChecked />{t("badges.fields.send_email")}</label> : null}
              <div><button type="submit" name="intent" value="reissue" className="btn btn-danger btn-small">{t("badges.actions.reissue")}</button></div>
            </Form>
          </div>
        </details>
      ) : null}
      {badge.status === "valid" || badge.status === "pending" ? (
        <ReasonAction intent="block" label={t("badges.actions.block")} confirm={t("badges.actions.block_confirm", { name: badge.holderName })} />
      ) : null}
      {live ? <ReasonAction intent="revoke" label={t("badges.actions.revoke")} confirm={t("badges.actions.revoke_confirm", { name: badge.holderName })} /> : null}
    </div>
  );
}
