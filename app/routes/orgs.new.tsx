import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { ORGANIZATION_KINDS, OrganizationSchema } from "~/organizations/organization.schema";
import { createOrganization } from "~/organizations/organizations.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { requireUser } from "~/utils/session.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Organisasi baru · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), { schema: OrganizationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const org = await db.transaction().execute(async (trx) => {
    const created = await createOrganization(trx, { ...submission.value, ownerId: user.id });
    await audit(trx, { action: "organization.created", actorUserId: user.id, organizationId: created.id, request });
    return created;
  });
  return redirectWithToast(`/o/${org.slug}`, { type: "success", key: "org.created" });
}

export default function NewOrganization() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganizationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card narrow">
      <h1>{t("org.create_title")}</h1>
      <p className="muted">{t("org.create_intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field meta={fields.name} label={t("org.name")} autoComplete="organization" />
        <SelectField meta={fields.kind} label={t("org.kind")} placeholder="—"
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} />
        <Field meta={fields.city} label={t("org.city")} optional />
        <SubmitButton>{t("org.create_button")}</SubmitButton>
      </Form>
    </div>
  );
}
