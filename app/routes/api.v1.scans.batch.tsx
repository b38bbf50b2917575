import type { ActionFunctionArgs } from "@remix-run/node";
import { recordScanBatch } from "~/checkin/checkin.server";
import { parseApiBody, ScanBatchSchema } from "~/checkin/checkin.schema";
import { apiError, apiJson, BATCH_BODY_LIMIT, GATE_BATCH_LIMIT, gateApi, methodNotAllowed, readJsonBody } from "~/checkin/gate-api.server";

/**
 * POST /api/v1/scans/batch (contract §2): up to 500 queued scans, answered `{ results }` in the same order, one
 * result per scan. A malformed scan makes the whole request a 400 naming it; a refused scan is just its result.
 */
export function action({ request }: ActionFunctionArgs) {
  return gateApi(request, "POST", GATE_BATCH_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(request, BATCH_BODY_LIMIT);
    if (!body.ok) return body.response;
    const batch = parseApiBody(ScanBatchSchema, body.value);
    if (!batch.ok) return apiError(400, "invalid_request", batch.detail);
    return apiJson({ results: await recordScanBatch(db, device, batch.value.scans, now) });
  });
}

export const loader = () => methodNotAllowed("POST");
