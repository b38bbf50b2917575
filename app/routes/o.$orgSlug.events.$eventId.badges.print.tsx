import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseForm } from "~/utils/form-parse.server";
import { Readable } from "node:stream";
import { parseBadgeQuery, PrintSchema } from "~/badges/badge-forms.schema";
import { getPrintEvent, printBadges } from "~/badges/badge-print.server";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

/** Bulk printing is a POST (it marks badges printed); a GET goes back to the list. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  return redirect(`/o/${org.slug}/events/${event.id}/badges`);
}

/** The list's search string comes back as the "current filter" (only a query string, never a path). */
const backSearch = (value: FormDataEntryValue | null) =>
  typeof value === "string" && /^\?[\w=&%.+\-~]{0,500}$/.test(value) ? value : "";

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  const form = await request.formData();
  const search = backSearch(form.get("back"));
  const back = `/o/${org.slug}/events/${event.id}/badges${search}`;
  const submission = parseForm(form, { schema: PrintSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    return redirectWithToast(back, { type: "error", key: first ?? "errors.form" });
  }
  const db = await getDb();
  const printEvent = await getPrintEvent(db, event.id);
  if (!printEvent) throw new Response("Not found", { status: 404 });
  const filter = parseBadgeQuery(new URLSearchParams(search));
  const res = await printBadges(db, printEvent, { print: submission.value, filter }, new Date());
  if (!res.ok) return redirectWithToast(back, { type: "error", key: `badges.print.${res.reason}` });
  const name = `badges-${event.slug}-${submission.value.layout}.pdf`;
  return new Response(Readable.toWeb(res.stream) as ReadableStream, {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "x-badge-count": String(res.count), "cache-control": "private, no-store" },
  });
}
