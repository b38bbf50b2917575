import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/event-form";
import { EventSchema } from "~/events/event.schema";
import { createEvent } from "~/events/events.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { requireOrgAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Acara baru · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgAccess(request, params.orgSlug, "event:create");
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, user } = await requireOrgAccess(request, params.orgSlug, "event:create");
  const submission = parseForm(await request.formData(), { schema: EventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const created = await createEvent(db, org.id, submission.value);
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { slug: ["events.slug_taken"] } }) }, { status: 409 });
  await audit(db, { action: "event.created", actorUserId: user.id, organizationId: org.id, eventId: created.value.id, request });
  return redirectWithToast(`/o/${org.slug}/events/${created.value.id}`, { type: "success", key: "events.created" });
}

export default function NewEvent() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="card" style={{ maxWidth: 760 }}>
      <h1>{t("events.new")}</h1>
      <EventForm lastResult={actionData?.result} submitLabel={t("events.create")} />
    </div>
  );
}
