// Runs once before the whole suite (extended with the database template in the foundation work).
export default async function setup() {}
