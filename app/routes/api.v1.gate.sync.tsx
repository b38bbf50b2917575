import type { LoaderFunctionArgs } from "@remix-run/node";
import { gateSyncEndpoint } from "~/checkin/gate-endpoints.server";
import { methodNotAllowed } from "~/checkin/gate-api.server";

/** GET /api/v1/gate/sync (what a gate phone stores for offline decisions); served before Remix routing in production. */
export const loader = ({ request }: LoaderFunctionArgs) => gateSyncEndpoint(request);
export const action = () => methodNotAllowed("GET");
