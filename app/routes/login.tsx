import { getFormProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginSchema } from "~/accounts/account.schema";
import { verifyLogin } from "~/accounts/accounts.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { safeRedirect } from "~/utils/misc";
import { hitRateLimit, LOGIN_PER_ACCOUNT, LOGIN_PER_IP } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { createUserSession, getUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Masuk · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/dashboard");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const db = await getDb();
  const now = new Date();
  const { email, password, redirectTo } = submission.value;
  // Limits per account (whatever the IP) and per address when a trusted proxy tells us one.
  const checks = [await hitRateLimit(db, LOGIN_PER_ACCOUNT, email, now)];
  const ip = clientIp(request);
  if (ip) checks.push(await hitRateLimit(db, LOGIN_PER_IP, ip, now));
  const blocked = checks.find((c) => !c.allowed);
  if (blocked) {
    await audit(db, { action: "login.rate_limited", data: { email }, request });
    const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
    return data({ result: submission.reply({ formErrors: [`auth.rate_limited|${minutes}`], hideFields: ["password"] }) }, { status: 429, headers: { "Retry-After": String(blocked.retryAfterSeconds) } });
  }
  const user = await verifyLogin(db, { email, password });
  if (!user) {
    await audit(db, { action: "login.failed", data: { email }, request });
    return data({ result: submission.reply({ formErrors: ["auth.invalid_login"], hideFields: ["password"] }) }, { status: 401 });
  }
  await audit(db, { action: "login.succeeded", actorUserId: user.id, request });
  return createUserSession(db, { request, userId: user.id, locale: user.locale, redirectTo: safeRedirect(redirectTo, "/dashboard") });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formErrors = form.errors?.map((e) => {
    const [key, minutes] = e.split("|");
    return minutes ? t(key!, { minutes }) : e;
  });
  return (
    <div className="card narrow">
      <h1>{t("auth.login_title")}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={formErrors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field meta={fields.email} label={t("common.email")} type="email" autoComplete="username" />
        <Field meta={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <SubmitButton>{t("auth.login_button")}</SubmitButton>
      </Form>
      <p className="small" style={{ marginTop: "1rem" }}><Link to="/forgot-password">{t("auth.forgot")}</Link></p>
      <p className="small">
        {t("auth.no_account")} <Link to={`/signup${params.toString() ? `?${params}` : ""}`}>{t("nav.signup")}</Link>
      </p>
    </div>
  );
}
