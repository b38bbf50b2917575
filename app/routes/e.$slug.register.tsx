import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import badgeStyles from "~/badges/badges.css";
import { getDeliveryEvent } from "~/badges/badge-actions.server";
import { whatsappEnabled } from "~/badges/badge-delivery.server";
import { fieldOfProblem, PUBLIC_KINDS, RegisterSchema } from "~/badges/badge-forms.schema";
import { PersonFields } from "~/badges/person-fields";
import { getRegistration, registerVisitor } from "~/badges/registration.server";
import { ErrorList, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { getPublishedEvent } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { clientIp } from "~/utils/request.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: badgeStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `Daftar · ${data.event.name} · Pendopo` }] : []);

async function requireEvent(slug: string | undefined) {
  const db = await getDb();
  const published = await getPublishedEvent(db, slug ?? "");
  const event = published && await getDeliveryEvent(db, published.id);
  if (!published || !event) throw new Response("Not found", { status: 404 });
  return { db, event, slug: published.slug };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { db, event, slug } = await requireEvent(params.slug);
  const settings = await getRegistration(db, event.id);
  const full = settings.capacity !== null && settings.registered >= settings.capacity;
  return { event: { name: event.name, slug }, open: settings.isOpen && !full, full: settings.isOpen && full, allowPress: settings.allowPress, whatsapp: whatsappEnabled() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, event } = await requireEvent(params.slug);
  const submission = parseForm(await request.formData(), { schema: RegisterSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // A filled honeypot is a bot: it gets the same form back and nothing is stored.
  if (submission.value.website) return data({ result: submission.reply({ formErrors: ["badges.register.errors.invalid"] }) }, { status: 400 });
  const res = await registerVisitor(db, event, submission.value, { ip: clientIp(request), now: new Date() });
  if (!res.ok) {
    const error = `badges.register.errors.${res.reason}`;
    const field = fieldOfProblem(res.reason);
    const status = res.reason === "rate_limited" ? 429 : res.reason === "already_registered" || res.reason === "full" ? 409 : 400;
    return data({ result: submission.reply(field ? { fieldErrors: { [field]: [error] } } : { formErrors: [error] }) }, { status });
  }
  return redirect(`/badge/${res.value.qr}?welcome=1`);
}

export default function Register() {
  const { event, open, full, allowPress, whatsapp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "register",
    lastResult: actionData?.result,
    defaultValue: { kind: "visitor", locale: "id" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const kinds = PUBLIC_KINDS.filter((k) => k !== "press" || allowPress);
  return (
    <div className="narrow" style={{ maxWidth: 560 }}>
      <p className="breadcrumbs"><Link className="back-link" to={`/e/${event.slug}`}>← {event.name}</Link></p>
      <section className="card" aria-labelledby="register-heading">
        <h1 id="register-heading" style={{ fontSize: "1.5rem" }}>{t("badges.register.heading")}</h1>
        <p className="muted">{event.name}</p>
        {!open ? <p className="form-error" role="status">{t(full ? "badges.register.full" : "badges.register.closed")}</p> : (
          <Form method="post" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <SelectField meta={fields.kind} label={t("badges.register.kind")} options={kinds.map((k) => ({ value: k, label: t(`badges.kinds.${k}`) }))} />
            <PersonFields fields={fields} whatsapp={whatsapp} emailRequired />
            <div className="hp" aria-hidden="true">
              <label htmlFor="register-website">Website</label>
              <input id="register-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <section className="card" style={{ background: "#fffdf9" }} aria-labelledby="privacy-heading">
              <h2 id="privacy-heading" style={{ fontSize: "1rem", margin: "0 0 .25rem" }}>{t("badges.register.privacy_heading")}</h2>
              <p className="small" style={{ margin: 0 }}>{t("badges.register.privacy")}</p>
            </section>
            <div className="field">
              <label className="check check-long">
                <input {...getInputProps(fields.consent, { type: "checkbox" })} key={fields.consent.key} />
                <span>{t("badges.register.consent")}</span>
              </label>
              <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
            </div>
            <SubmitButton>{t("badges.register.submit")}</SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
