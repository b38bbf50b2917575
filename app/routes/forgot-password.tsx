import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ForgotPasswordSchema } from "~/accounts/account.schema";
import { requestPasswordReset } from "~/accounts/accounts.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hitRateLimit, RESET_PER_ACCOUNT } from "~/utils/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Lupa kata sandi · Pendopo" }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const db = await getDb();
  const now = new Date();
  // Over the limit we still answer "sent": the page must not reveal which emails have accounts.
  const limit = await hitRateLimit(db, RESET_PER_ACCOUNT, submission.value.email, now);
  if (limit.allowed) {
    await db.transaction().execute((trx) => requestPasswordReset(trx, { email: submission.value.email, appUrl: getEnv().APP_URL, now }));
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card narrow">
      <h1>{t("auth.forgot_title")}</h1>
      {actionData?.sent ? <div className="toast toast-success" role="status">{t("auth.forgot_sent")}</div> : null}
      <p className="muted">{t("auth.forgot_intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field meta={fields.email} label={t("common.email")} type="email" autoComplete="email" />
        <SubmitButton>{t("auth.forgot_button")}</SubmitButton>
      </Form>
      <p className="small" style={{ marginTop: "1rem" }}><Link to="/login">{t("nav.login")}</Link></p>
    </div>
  );
}
