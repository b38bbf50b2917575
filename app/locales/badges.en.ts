import type badges from "./badges.id";
import type { Dict } from "./dict";

/** English texts of the badges screens (same keys as badges.id.ts). */
const badgesEn: Dict<typeof badges> = {};

export default badgesEn;
