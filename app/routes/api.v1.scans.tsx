import type { ActionFunctionArgs } from "@remix-run/node";
import { recordScan } from "~/checkin/checkin.server";
import { parseApiBody, ScanSchema } from "~/checkin/checkin.schema";
import { apiError, apiJson, GATE_SCAN_LIMIT, gateApi, methodNotAllowed, readJsonBody, SCAN_BODY_LIMIT } from "~/checkin/gate-api.server";

/** POST /api/v1/scans (shared/formats/checkin.md §2): one scan from a gate device, answered with the decision. */
export function action({ request }: ActionFunctionArgs) {
  return gateApi(request, "POST", GATE_SCAN_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(request, SCAN_BODY_LIMIT);
    if (!body.ok) return body.response;
    const scan = parseApiBody(ScanSchema, body.value);
    if (!scan.ok) return apiError(400, "invalid_request", scan.detail);
    return apiJson(await recordScan(db, device, scan.value, now));
  });
}

export const loader = () => methodNotAllowed("POST");
