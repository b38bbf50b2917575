import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalFeedIcs } from "~/meetings/agenda.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/** The personal .ics feed of one participant; the unguessable token is the only key (like a calendar's secret URL). */
export async function loader({ params }: LoaderFunctionArgs) {
  const body = await personalFeedIcs(await getDb(), params.token ?? "", getEnv().APP_URL, new Date());
  if (body === null) throw new Response("Not found", { status: 404 });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="temu-bisnis.ics"',
      // Personal data: never in a shared cache.
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
