import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { getImport } from "~/badges/badge-import.server";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Impor badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  if (!isUuid(params.importId)) throw new Response("Not found", { status: 404 });
  const imp = await getImport(await getDb(), event.id, params.importId);
  if (!imp) throw new Response("Not found", { status: 404 });
  return { base: `/o/${org.slug}/events/${event.id}/badges`, imp };
}

/** Progress of a background import; the page asks again every second until the job is done. */
export default function ImportProgress() {
  const { base, imp } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const done = imp.status === "done";
  useEffect(() => {
    if (done) return;
    const timer = setInterval(() => { if (revalidator.state === "idle") revalidator.revalidate(); }, 1000);
    return () => clearInterval(timer);
  }, [done, revalidator]);
  return (
    <section className="card" style={{ maxWidth: 720 }} aria-labelledby="progress-heading">
      <h2 id="progress-heading">{t("badges.import.progress_heading", { file: imp.fileName || t("badges.import.unnamed") })}</h2>
      <p role="status" aria-live="polite">
        <strong>{t(`badges.import.statuses.${imp.status}`)}</strong> · {t("badges.import.progress", { processed: imp.processed, total: imp.total })}
        {imp.failed ? ` · ${t("badges.import.failed", { count: imp.failed })}` : ""}
      </p>
      <progress className="progress" max={imp.total} value={imp.processed} aria-label={t("badges.import.progress_label")} />
      {imp.sendEmail ? <p className="small muted">{t("badges.import.emails_note")}</p> : null}
      <p className="row"><Link className="btn" to={`${base}?unprinted=1`}>{t("badges.import.to_list")}</Link></p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
