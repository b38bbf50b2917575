import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResetPasswordSchema } from "~/accounts/account.schema";
import { checkResetToken, resetPassword } from "~/accounts/accounts.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Kata sandi baru · Pendopo" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkResetToken(await getDb(), params.token ?? "", new Date());
  return { problem: check.ok ? null : check.reason };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password", "confirm"] }) }, { status: 400 });
  const db = await getDb();
  const result = await db.transaction().execute((trx) =>
    resetPassword(trx, { token: params.token ?? "", password: submission.value.password, now: new Date() }));
  if (!result.ok) {
    const key = result.reason === "expired" ? "auth.reset_expired" : "auth.reset_invalid";
    return data({ result: submission.reply({ formErrors: [key], hideFields: ["password", "confirm"] }) }, { status: 400 });
  }
  await audit(db, { action: "password.reset", actorUserId: result.value.userId, request });
  return redirectWithToast("/login", { type: "success", key: "auth.reset_done" });
}

export default function ResetPassword() {
  const { problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (problem) {
    return (
      <div className="card narrow">
        <h1>{t("auth.reset_title")}</h1>
        <p className="form-error" role="alert">{t(problem === "expired" ? "auth.reset_expired" : "auth.reset_invalid")}</p>
        <Link className="btn" to="/forgot-password">{t("auth.forgot_button")}</Link>
      </div>
    );
  }
  return (
    <div className="card narrow">
      <h1>{t("auth.reset_title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field meta={fields.password} label={t("auth.new_password")} type="password" hint={t("auth.password_hint")} autoComplete="new-password" />
        <Field meta={fields.confirm} label={t("auth.confirm_password")} type="password" autoComplete="new-password" />
        <SubmitButton>{t("auth.reset_button")}</SubmitButton>
      </Form>
    </div>
  );
}
