import type { LoaderFunctionArgs } from "@remix-run/node";
import { organizerActor } from "~/deals/access.server";
import { getDealDocument } from "~/deals/deal-records.server";
import { documentResponse } from "~/deals/document-response.server";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";

/** The signed document of a deal of the organizer's event (resource route). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, user } = await requireEventAccess(request, params, "deal:view");
  const doc = isUuid(params.dealId) ? await getDealDocument(await getDb(), event.id, params.dealId, organizerActor(user.id)) : undefined;
  return documentResponse(doc);
}
