import type { LoaderFunctionArgs } from "@remix-run/node";
import { getGateSync } from "~/checkin/gates.server";
import { apiJson, GATE_SYNC_LIMIT, gateApi, methodNotAllowed } from "~/checkin/gate-api.server";

/**
 * GET /api/v1/gate/sync: what a gate phone stores for offline decisions (public keys, revocation list, list
 * rules, badge index). Never private keys, emails, phones or short codes.
 */
export function loader({ request }: LoaderFunctionArgs) {
  return gateApi(request, "GET", GATE_SYNC_LIMIT, async ({ db, device, now }) => apiJson(await getGateSync(db, device, now)));
}

export const action = () => methodNotAllowed("GET");
