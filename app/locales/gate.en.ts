import type gate from "./gate.id";
import type { Dict } from "./dict";

/** English texts of the gate screens (same keys as gate.id.ts). */
const gateEn: Dict<typeof gate> = {};

export default gateEn;
