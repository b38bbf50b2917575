import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaIcsResponse } from "~/agenda/public-agenda.server";
import { getDb } from "~/utils/db.server";

export async function loader({ params }: LoaderFunctionArgs) {
  return agendaIcsResponse(await getDb(), params.slug ?? "", params.sessionId ?? "");
}
