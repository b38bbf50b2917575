import type { ActionFunctionArgs } from "@remix-run/node";
import { scanBatchEndpoint } from "~/checkin/gate-endpoints.server";
import { methodNotAllowed } from "~/checkin/gate-api.server";

/** POST /api/v1/scans/batch (shared/formats/checkin.md §2); the production server answers it before Remix routing. */
export const action = ({ request }: ActionFunctionArgs) => scanBatchEndpoint(request);
export const loader = () => methodNotAllowed("POST");
