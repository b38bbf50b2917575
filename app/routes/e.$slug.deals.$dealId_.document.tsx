import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDealParticipant } from "~/deals/access.server";
import { documentResponse } from "~/deals/document-response.server";
import { getDealDocument } from "~/deals/deal-records.server";
import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/permissions.server";

/** The signed document of a deal, for its parties only (resource route; anything else is a 404). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, actor } = await requireDealParticipant(request, params.slug);
  const doc = isUuid(params.dealId) ? await getDealDocument(await getDb(), event.id, params.dealId, actor) : undefined;
  return documentResponse(doc);
}
