/** Bahasa Indonesia texts of the gate screens; gate.en.ts mirrors the keys. */
const gate = {};

export default gate;
