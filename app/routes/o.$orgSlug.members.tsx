import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { ConfirmAction } from "~/components/ui";
import { InviteSchema, MemberRoleSchema, RemoveMemberSchema, RevokeInvitationSchema } from "~/organizations/organization.schema";
import {
  changeMemberRole, inviteMember, listMembers, listOpenInvitations, removeMember, revokeInvitation,
} from "~/organizations/organizations.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { canManageMember, INVITABLE_ROLES, ORG_ROLES } from "~/utils/permissions";
import { requireOrgAccess } from "~/utils/permissions.server";
import { formatDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Anggota · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role, user } = await requireOrgAccess(request, params.orgSlug, "member:manage");
  const db = await getDb();
  const locale = await getLocale(request);
  const [members, invitations] = await Promise.all([listMembers(db, org.id), listOpenInvitations(db, org.id, new Date())]);
  return {
    myRole: role,
    members: members.map((m) => ({ ...m, self: m.id === user.id, manageable: canManageMember(role, m.role) && m.id !== user.id })),
    invitations: invitations.map((i) => ({ ...i, expires: formatDate(i.expiresAt, "Asia/Jakarta", locale) })),
  };
}

// A discriminated union, so a bad field is reported on that field (a plain union answers only "Invalid input").
const ActionSchema = z.discriminatedUnion("intent", [InviteSchema, MemberRoleSchema, RemoveMemberSchema, RevokeInvitationSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, role, user } = await requireOrgAccess(request, params.orgSlug, "member:manage");
  const submission = parseForm(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const input = submission.value;
  // Invitation emails go out in the inviter's language; the invitee can switch on the page.
  const back = `/o/${org.slug}/members`;
  const now = new Date();
  if (input.intent === "invite") {
    const res = await db.transaction().execute((trx) => inviteMember(trx, {
      organization: org, inviter: user, email: input.email, role: input.role, locale: user.locale, appUrl: getEnv().APP_URL, now,
    }));
    if (!res.ok) return data({ result: submission.reply({ fieldErrors: { email: [`members.${res.reason}`] } }) }, { status: 409 });
    await audit(db, { action: "member.invited", actorUserId: user.id, organizationId: org.id, data: { email: input.email, role: input.role }, request });
    return redirectWithToast(back, { type: "success", key: "members.invited", params: { email: input.email } });
  }
  if (input.intent === "revoke-invitation") {
    await revokeInvitation(db, org.id, input.invitationId, now);
    return redirectWithToast(back, { type: "success", key: "members.revoked" });
  }
  const res = await db.transaction().execute((trx) => input.intent === "change-role"
    ? changeMemberRole(trx, { organizationId: org.id, actorRole: role, userId: input.userId, role: input.role })
    : removeMember(trx, { organizationId: org.id, actorRole: role, userId: input.userId }));
  if (!res.ok) return redirectWithToast(back, { type: "error", key: `members.${res.reason}` });
  await audit(db, { action: `member.${input.intent}`, actorUserId: user.id, organizationId: org.id, entity: "user", entityId: input.userId, data: input, request });
  return redirectWithToast(back, { type: "success", key: input.intent === "change-role" ? "members.role_changed" : "members.removed" });
}


/** Keyed by the number of open invitations: once one is sent the form mounts afresh, empty for the next. */
function InviteForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field meta={fields.email} label={t("common.email")} type="email" />
      <SelectField meta={fields.role} label={t("common.role")} placeholder="—"
        options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      <SubmitButton name="intent" value="invite">{t("members.invite_button")}</SubmitButton>
    </Form>
  );
}

export default function Members() {
  const { members, invitations, myRole } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const assignable = myRole === "owner" ? ORG_ROLES : INVITABLE_ROLES;
  return (
    <>
      <div className="page-header"><h1>{t("members.title")}</h1></div>
      <div className="grid grid-2 grid-top">
        <section className="card">
          <div className="table-wrap">
            <table className="data responsive">
              <thead><tr><th>{t("common.name")}</th><th>{t("common.role")}</th><th>{t("common.actions")}</th></tr></thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td data-label={t("common.name")}><strong>{m.name}</strong><br /><span className="muted small">{m.email}</span></td>
                    <td data-label={t("common.role")}>
                      {m.manageable ? (
                        <Form method="post" className="row">
                          <input type="hidden" name="userId" value={m.id} />
                          <label className="visually-hidden" htmlFor={`role-${m.id}`}>{t("members.change_role")}</label>
                          <select id={`role-${m.id}`} name="role" defaultValue={m.role} style={{ width: "auto" }}>
                            {assignable.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                          </select>
                          <SubmitButton className="btn btn-secondary btn-small" name="intent" value="change-role">{t("common.save")}</SubmitButton>
                        </Form>
                      ) : t(`roles.${m.role}`)}
                    </td>
                    <td data-label={t("common.actions")}>
                      {m.manageable ? <ConfirmAction label={t("members.remove")} intent="remove" fields={{ userId: m.id }} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card">
          <h2>{t("members.invite_title")}</h2>
          <p className="muted small">{t("members.role_help")}</p>
          <InviteForm key={invitations.length} />
          <h3 style={{ marginTop: "1.5rem" }}>{t("members.pending")}</h3>
          {invitations.length === 0 ? <p className="muted">{t("members.none_pending")}</p> : (
            <ul className="item-list">
              {invitations.map((i) => (
                <li key={i.id}>
                  <span><strong>{i.email}</strong> · {t(`roles.${i.role}`)}<br /><span className="muted small">{t("members.expires")} {i.expires}</span></span>
                  <ConfirmAction label={t("members.revoke")} intent="revoke-invitation" fields={{ invitationId: i.id }} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
