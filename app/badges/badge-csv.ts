// Reading a badge CSV (name, organization, email, phone, kind, language) into rows ready to issue, with every
// problem named by row and column. Pure: no I/O; the preview and the background import use the same rules.
import { parse } from "csv-parse/sync";
import { normalizeWhatsapp } from "~/exhibitors/identifiers";
import { BADGE_KINDS } from "./badge.schema";

export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_ROWS = 5000;

export type CsvColumn = "name" | "organization" | "email" | "phone" | "kind" | "language";
export type ImportRow = {
  kind: (typeof BADGE_KINDS)[number];
  holderName: string;
  organizationName: string;
  email: string | null;
  phone: string | null;
  locale: "id" | "en";
};
/** One problem: the spreadsheet row (the header is row 1), the column, and an i18n key under badges.import.errors. */
export type CsvProblem = { row: number; column: CsvColumn; error: string; value?: string };
export type CsvFileProblem = "empty" | "too_large" | "binary" | "unreadable" | "no_name_column" | "too_many_rows" | "no_rows";

// Header names people use, in both languages (lower case, spaces and punctuation removed).
const HEADERS: Record<string, CsvColumn> = {
  name: "name", nama: "name", namalengkap: "name", fullname: "name",
  organization: "organization", organisation: "organization", organisasi: "organization", instansi: "organization",
  perusahaan: "organization", company: "organization", usaha: "organization",
  email: "email", surel: "email", emailaddress: "email",
  phone: "phone", telepon: "phone", telp: "phone", hp: "phone", nohp: "phone", whatsapp: "phone", wa: "phone", mobile: "phone",
  kind: "kind", kategori: "kind", category: "kind", jenis: "kind", type: "kind",
  language: "language", bahasa: "language", lang: "language", locale: "language",
};
const KIND_WORDS: Record<string, ImportRow["kind"]> = {
  ...Object.fromEntries(BADGE_KINDS.map((k) => [k, k])),
  pengunjung: "visitor", peserta: "visitor", pembeli: "buyer", pameran: "exhibitor", pesertapameran: "exhibitor",
  penjagastan: "exhibitor", panitia: "staff", committee: "staff", media: "press", pers: "press", wartawan: "press",
};
const LANGUAGES: Record<string, "id" | "en"> = {
  id: "id", ind: "id", indonesia: "id", bahasaindonesia: "id", indonesian: "id", en: "en", eng: "en", english: "en", inggris: "en",
};
const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Whether a file looks like text: no NUL byte and almost no other control characters (a spreadsheet saved
 * as .xlsx, an image or a zip is refused before parsing).
 */
export function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(4, text.length / 1000);
}

/**
 * A spreadsheet formula or command hidden in a cell (`=`, `@`, tab, CR, or `+`/`-` that is not a phone
 * number): refused, so it can never run when someone opens an export later (CSV injection).
 */
export function isFormulaLike(value: string, column: CsvColumn): boolean {
  if (/^[=@\t\r]/.test(value)) return true;
  if (/^[+-]/.test(value)) return !(column === "phone" && /^\+[\d\s().\-/]+$/.test(value));
  return false;
}

/** `;` when the header has more semicolons than commas (Excel with Indonesian regional settings). */
const delimiterOf = (text: string) => {
  const first = text.slice(0, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length);
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ";" : ",";
};

/**
 * Parses and checks a badge CSV. A file-level problem stops everything; otherwise every row is either ready
 * or has its problems listed (a row with one bad cell is skipped whole; the rest can still be imported).
 *
 * @example
 * readBadgeCsv("nama,email\nSari,sari@x.id\n,bad")
 * // { ok: true, value: { rows: [{ line: 2, row: {...} }], problems: [{ row: 3, column: "name", error: "required" }, …] } }
 */
export function readBadgeCsv(text: string): { ok: true; value: { rows: Array<{ line: number; row: ImportRow }>; problems: CsvProblem[] } } | { ok: false; reason: CsvFileProblem } {
  if (text.trim() === "") return { ok: false, reason: "empty" };
  if (text.length > MAX_CSV_BYTES || new TextEncoder().encode(text).length > MAX_CSV_BYTES) return { ok: false, reason: "too_large" };
  if (looksBinary(text)) return { ok: false, reason: "binary" };
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: delimiterOf(text), skip_empty_lines: true, relax_column_count: true, relax_quotes: true, trim: true, max_record_size: 10_000 });
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const [header, ...data] = records;
  const columns = (header ?? []).map((h) => HEADERS[key(h)]);
  if (!columns.includes("name")) return { ok: false, reason: "no_name_column" };
  if (data.length === 0) return { ok: false, reason: "no_rows" };
  if (data.length > MAX_CSV_ROWS) return { ok: false, reason: "too_many_rows" };
  const rows: Array<{ line: number; row: ImportRow }> = [];
  const problems: CsvProblem[] = [];
  const seenEmails = new Map<string, number>();
  data.forEach((record, i) => {
    const line = i + 2;
    const cells: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((c, j) => { if (c && cells[c] === undefined) cells[c] = record[j] ?? ""; });
    const checked = checkRow(cells, line, seenEmails);
    if ("problems" in checked) problems.push(...checked.problems);
    else rows.push({ line, row: checked.row });
  });
  return { ok: true, value: { rows, problems } };
}

/** One row's cells checked column by column; every problem is reported, not only the first. */
function checkRow(cells: Partial<Record<CsvColumn, string>>, line: number, seenEmails: Map<string, number>): { row: ImportRow } | { problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const bad = (column: CsvColumn, error: string, value?: string) => problems.push({ row: line, column, error, ...(value ? { value: value.slice(0, 60) } : {}) });
  for (const [column, value] of Object.entries(cells) as Array<[CsvColumn, string]>) {
    if (isFormulaLike(value, column)) bad(column, "formula", value);
    else if (value.includes("\u0000")) bad(column, "invalid", value);
  }
  if (problems.length) return { problems };
  const name = cells.name ?? "";
  if (name.length < 2) bad("name", name ? "too_short" : "required", name);
  else if (name.length > 120) bad("name", "too_long", name);
  const organization = cells.organization ?? "";
  if (organization.length > 160) bad("organization", "too_long", organization);
  const email = (cells.email ?? "").toLowerCase();
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) bad("email", "email", email);
  else if (email && seenEmails.has(email)) bad("email", "duplicate_email", email);
  const phone = normalizeWhatsapp(cells.phone);
  if (!phone.ok) bad("phone", phone.reason, cells.phone);
  const kind = cells.kind ? KIND_WORDS[key(cells.kind)] : "visitor";
  if (!kind) bad("kind", "kind", cells.kind);
  const locale = cells.language ? LANGUAGES[key(cells.language)] : "id";
  if (!locale) bad("language", "language", cells.language);
  if (problems.length) return { problems };
  if (email) seenEmails.set(email, line);
  return { row: { kind: kind!, holderName: name, organizationName: organization, email: email || null, phone: phone.ok ? phone.value : null, locale: locale! } };
}
