import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAgreementDocument } from "~/deals/agreements.server";
import { documentResponse } from "~/deals/document-response.server";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { uploadFilePath } from "~/utils/uploads.server";

/**
 * The signed document of an agreement (resource route): only for the organization's owners and admins
 * ("deal:view"); anyone else, another event's agreement or an agreement without a document is a 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "deal:view");
  if (!isUuid(params.agreementId)) throw new Response("Not found", { status: 404 });
  const doc = await getAgreementDocument(await getDb(), event.id, params.agreementId);
  return documentResponse(doc ? { contentType: doc.contentType, file: uploadFilePath(doc.storageKey), originalName: doc.title } : undefined);
}
