import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { AddStaffSchema, DeleteStaffSchema, EditStaffSchema } from "~/booths/booth.schema";
import { addStaff, deleteStaff, getConfirmedBooth, listStaff, updateStaff } from "~/booths/staff.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { requireOwnApplication } from "~/exhibitors/access.server";
import { getDb } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Penjaga stan · Pendopo" }];

async function requireAccepted(request: Request, applicationId: string | undefined) {
  const own = await requireOwnApplication(request, applicationId);
  if (own.application.status !== "accepted") throw new Response("Not found", { status: 404 });
  return own;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application, event } = await requireAccepted(request, params.applicationId);
  const db = await getDb();
  const [booth, staff] = await Promise.all([getConfirmedBooth(db, event.id, application.id), listStaff(db, application.id)]);
  return { booth: booth ?? null, staff, application: { id: application.id }, event: { name: event.name } };
}

const SCHEMAS = { "add-staff": AddStaffSchema, "save-staff": EditStaffSchema, "delete-staff": DeleteStaffSchema } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { application, event } = await requireAccepted(request, params.applicationId);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const submission = parseForm(form, { schema: (SCHEMAS[intent as keyof typeof SCHEMAS] ?? AddStaffSchema) as z.ZodType });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const v = submission.value as z.infer<(typeof SCHEMAS)[keyof typeof SCHEMAS]>;
  const db = await getDb();
  const here = `/exhibitor/applications/${application.id}/staff`;
  if (v.intent === "delete-staff") {
    const res = await deleteStaff(db, { applicationId: application.id, id: v.id });
    if (!res.ok) throw new Response("Not found", { status: 404 });
    return redirectWithToast(here, { type: "success", key: "booths.staff.removed" });
  }
  const staff = { name: v.name, role: v.role, phone: v.phone, email: v.email };
  const res = v.intent === "save-staff"
    ? await updateStaff(db, { applicationId: application.id, id: v.id, staff })
    : await addStaff(db, { eventId: event.id, applicationId: application.id, staff });
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    return data({ intent, result: submission.reply({ formErrors: [`booths.staff.${res.reason}`] }) }, { status: 409 });
  }
  return redirectWithToast(here, { type: "success", key: v.intent === "save-staff" ? "common.saved" : "booths.staff.added" });
}

type Staff = { id: string; name: string; role: string; phone: string | null; email: string | null };

function StaffForm({ staff }: { staff?: Staff }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const intent = staff ? "save-staff" : "add-staff";
  const [form, fields] = useAppForm({
    id: staff ? `staff-${staff.id}` : "add-staff",
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    defaultValue: staff ? { name: staff.name, role: staff.role, phone: staff.phone ?? "", email: staff.email ?? "" } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: staff ? EditStaffSchema : AddStaffSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      {staff ? <input type="hidden" name="id" value={staff.id} /> : null}
      <Field meta={fields.name} label={t("booths.staff.name")} autoComplete="off" />
      <Field meta={fields.role} label={t("booths.staff.role")} hint={t("booths.staff.role_hint")} optional />
      <Field meta={fields.phone} label={t("booths.staff.phone")} type="text" inputMode="numeric" optional />
      <Field meta={fields.email} label={t("common.email")} type="email" optional />
      <div className="form-actions row">
        <SubmitButton name="intent" value={intent}>{staff ? t("common.save") : t("booths.staff.add")}</SubmitButton>
        {staff ? <Link to="." className="btn btn-secondary">{t("common.cancel")}</Link> : null}
      </div>
    </Form>
  );
}

export default function BoothStaff() {
  const { booth, staff, application, event } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const editing = params.get("edit");
  const full = booth ? staff.length >= booth.staffLimit : true;
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={`/exhibitor/applications/${application.id}/booth`}>← {t("booths.staff.back")}</Link></p>
      <div className="page-header">
        <div>
          <h1>{t("booths.staff.title")}</h1>
          <span className="muted small">{event.name}</span>
        </div>
      </div>
      {!booth ? (
        <EmptyState action={<Link className="btn" to={`/exhibitor/applications/${application.id}/booth`}>{t("booths.staff.get_booth")}</Link>}>{t("booths.staff.no_booth")}</EmptyState>
      ) : (
        <section className="card" aria-labelledby="staff-heading">
          <h2 id="staff-heading">{t("booths.staff.heading", { code: booth.code, count: staff.length, limit: booth.staffLimit })}</h2>
          <p className="muted small">{t("booths.staff.intro", { count: booth.staffLimit, size: booth.sizeM2 })}</p>
          {staff.length === 0 ? <EmptyState>{t("booths.staff.empty")}</EmptyState> : (
            <ul className="item-list staff-list">
              {staff.map((s) => (
                <li key={s.id}>
                  {editing === s.id ? <StaffForm staff={s} /> : (
                    <>
                      <span>
                        <strong>{s.name}</strong>{s.role ? ` · ${s.role}` : ""}
                        <br /><span className="small muted">{[s.phone, s.email].filter(Boolean).join(" · ") || t("booths.staff.no_contact")}</span>
                      </span>
                      <span className="row">
                        <Link className="btn btn-secondary btn-small" to={`?edit=${s.id}`} aria-label={t("booths.staff.edit_named", { name: s.name })}>{t("common.edit")}</Link>
                        <ConfirmAction label={t("booths.staff.remove")} intent="delete-staff" fields={{ id: s.id }} confirmText={t("booths.staff.remove_confirm", { name: s.name })} />
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          {full ? <p className="booth-note booth-note-warn">{t("booths.staff.full", { count: booth.staffLimit })}</p> : <StaffForm key={staff.length} />}
        </section>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
