/** Bahasa Indonesia texts of the badges screens; badges.en.ts mirrors the keys. */
const badges = {};

export default badges;
