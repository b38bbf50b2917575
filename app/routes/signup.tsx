import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SignupSchema } from "~/accounts/account.schema";
import { signUp } from "~/accounts/accounts.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/misc";
import { hitRateLimit, SIGNUP_PER_IP } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { createUserSession, getUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Daftar · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/dashboard");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: SignupSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const db = await getDb();
  const limit = await hitRateLimit(db, SIGNUP_PER_IP, clientIp(request) ?? "unknown", new Date());
  if (!limit.allowed) {
    return data({ result: submission.reply({ formErrors: ["auth.rate_limited"], hideFields: ["password"] }) }, { status: 429 });
  }
  const locale = await getLocale(request);
  const created = await signUp(db, { ...submission.value, locale });
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { email: ["auth.email_taken"] }, hideFields: ["password"] }) }, { status: 409 });
  await audit(db, { action: "user.signup", actorUserId: created.value.id, request });
  return createUserSession(db, { request, userId: created.value.id, locale, redirectTo: safeRedirect(submission.value.redirectTo, "/dashboard") });
}

export default function Signup() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignupSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="card narrow">
      <h1>{(params.get("redirectTo") ?? "").startsWith("/exhibitor") ? t("auth.signup_title_exhibitor") : t("auth.signup_title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field meta={fields.name} label={t("auth.name")} autoComplete="name" />
        <Field meta={fields.email} label={t("common.email")} type="email" autoComplete="email" />
        <Field meta={fields.password} label={t("auth.password")} type="password" hint={t("auth.password_hint")} autoComplete="new-password" />
        <SubmitButton>{t("auth.signup_button")}</SubmitButton>
      </Form>
      <p className="small" style={{ marginTop: "1rem" }}>
        {t("auth.have_account")} <Link to={`/login${params.toString() ? `?${params}` : ""}`}>{t("nav.login")}</Link>
      </p>
    </div>
  );
}
