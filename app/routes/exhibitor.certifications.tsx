import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { requireOwnBusiness } from "~/exhibitors/access.server";
import { addCertification, deleteCertification, listCertifications } from "~/exhibitors/businesses.server";
import { CertificationSchema, DeleteCertificationSchema } from "~/exhibitors/exhibitor.schema";
import { CERTIFICATION_KINDS } from "~/exhibitors/vocabulary";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Sertifikasi · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { business } = await requireOwnBusiness(request);
  if (!business) throw redirect("/exhibitor/profile");
  const [rows, locale] = await Promise.all([getDb().then((db) => listCertifications(db, business.id)), getLocale(request)]);
  return {
    certifications: rows.map((c) => ({ ...c, validUntil: c.validUntil ? formatDate(`${c.validUntil}T12:00:00Z`, "UTC", locale) : null })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [CertificationSchema, DeleteCertificationSchema]);

export async function action({ request }: ActionFunctionArgs) {
  const { business } = await requireOwnBusiness(request);
  if (!business) throw redirect("/exhibitor/profile");
  const submission = parseForm(await request.formData(), { schema: ActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const input = submission.value;
  if (input.intent === "delete-certification") {
    if (!(await deleteCertification(db, business.id, input.certificationId))) throw new Response("Not found", { status: 404 });
    return redirectWithToast("/exhibitor/certifications", { type: "success", key: "common.deleted" });
  }
  const added = await addCertification(db, business.id, input);
  if (!added.ok) return data({ result: submission.reply({ formErrors: [`exhibitors.certifications.${added.reason}`] }) }, { status: 409 });
  return redirectWithToast("/exhibitor/certifications", { type: "success", key: "exhibitors.certifications.added" });
}

function AddCertificationForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "add-certification",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CertificationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="add-cert-heading">
      <h2 id="add-cert-heading">{t("exhibitors.certifications.add_title")}</h2>
      <FormErrors errors={form.errors} />
      <SelectField meta={fields.kind} label={t("exhibitors.certifications.kind")} placeholder={t("exhibitors.fields.choose")}
        options={CERTIFICATION_KINDS.map((k) => ({ value: k, label: t(`exhibitors.cert_kinds.${k}`) }))} />
      <Field meta={fields.number} label={t("exhibitors.certifications.number")} optional />
      <Field meta={fields.issuer} label={t("exhibitors.certifications.issuer")} hint={t("exhibitors.certifications.issuer_hint")} optional />
      <Field meta={fields.validUntil} label={t("exhibitors.certifications.valid_until")} type="date" optional />
      <SubmitButton name="intent" value="add-certification">{t("exhibitors.certifications.add_button")}</SubmitButton>
    </Form>
  );
}

export default function Certifications() {
  const { certifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header"><h1>{t("exhibitors.certifications.title")}</h1></div>
      <p className="muted" style={{ maxWidth: "65ch" }}>{t("exhibitors.certifications.intro")}</p>
      {certifications.length === 0 ? <EmptyState>{t("exhibitors.certifications.empty")}</EmptyState> : (
        <ul className="item-list card">
          {certifications.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{t(`exhibitors.cert_kinds.${c.kind}`)}</strong>
                {c.number ? ` · ${c.number}` : ""}{c.issuer ? ` · ${c.issuer}` : ""}
                {c.validUntil ? <span className="small muted" style={{ display: "block" }}>{t("exhibitors.certifications.valid_until_value", { date: c.validUntil })}</span> : null}
              </span>
              <ConfirmAction label={t("common.delete")} intent="delete-certification" fields={{ certificationId: c.id }} />
            </li>
          ))}
        </ul>
      )}
      <AddCertificationForm key={certifications.length} />
    </>
  );
}
