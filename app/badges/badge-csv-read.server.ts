// The CSV reader for routes: a .server module, so csv-parse (Node's Buffer) never reaches the browser bundle.
export { MAX_CSV_BYTES, readBadgeCsv } from "./badge-csv";
