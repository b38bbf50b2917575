import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/forms";
import { acceptInvitation, findInvitation } from "~/organizations/organizations.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getUser, requireUser } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Undangan · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(await getDb(), params.token ?? "", new Date());
  const user = await getUser(request);
  if (!invitation) return { invitation: null, user: null };
  return {
    invitation: { email: invitation.email, role: invitation.role, organizationName: invitation.organizationName },
    user: user ? { email: user.email } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const invitation = await findInvitation(db, params.token ?? "", new Date());
  // The link is for one address: another signed-in account cannot use a forwarded link.
  if (!invitation || invitation.email !== user.email) throw new Response("Not found", { status: 404 });
  const result = await db.transaction().execute((trx) => acceptInvitation(trx, { token: params.token ?? "", userId: user.id, now: new Date() }));
  if (!result.ok) throw new Response("Not found", { status: 404 });
  await audit(db, { action: "member.joined", actorUserId: user.id, organizationId: invitation.organizationId, data: { role: invitation.role }, request });
  return redirectWithToast(`/o/${result.value.organizationSlug}`, { type: "success", key: "invitation.joined", params: { organization: invitation.organizationName } });
}

export default function Invitation() {
  const { invitation, user } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!invitation) {
    return <div className="card narrow"><h1>{t("invitation.title")}</h1><p className="form-error">{t("invitation.invalid")}</p></div>;
  }
  const role = t(`roles.${invitation.role}`);
  const back = encodeURIComponent(typeof window === "undefined" ? "" : window.location.pathname);
  return (
    <div className="card narrow">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.body", { organization: invitation.organizationName, role })}</p>
      {!user ? (
        <>
          <p className="muted">{t("invitation.sign_in_first", { email: invitation.email })}</p>
          <div className="row">
            <Link className="btn" to={`/login?redirectTo=${back}`}>{t("nav.login")}</Link>
            <Link className="btn btn-secondary" to={`/signup?redirectTo=${back}`}>{t("nav.signup")}</Link>
          </div>
        </>
      ) : user.email !== invitation.email ? (
        <p className="form-error">{t("invitation.wrong_account", { email: invitation.email, current: user.email })}</p>
      ) : (
        <Form method="post"><SubmitButton>{t("invitation.accept")}</SubmitButton></Form>
      )}
    </div>
  );
}
