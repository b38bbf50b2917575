import { describe, expect, it } from "vitest";
import { isFormulaLike, looksBinary, MAX_CSV_ROWS, readBadgeCsv } from "~/badges/badge-csv";

const HEADER = "name,organization,email,phone,kind,language";
const read = (body: string, header = HEADER) => {
  const res = readBadgeCsv(`${header}\n${body}`);
  if (!res.ok) throw new Error(`file refused: ${res.reason}`);
  return res.value;
};

describe("badge CSV rows", () => {
  it("a good row becomes a badge: phone to E.164, kind and language words in either language, email lower case", () => {
    const { rows, problems } = read("Sari Wulandari,Batik Laweyan,SARI@Batik.test,0812-3456-7890,pembeli,English");
    expect(problems).toEqual([]);
    expect(rows).toEqual([{ line: 2, row: { holderName: "Sari Wulandari", organizationName: "Batik Laweyan", email: "sari@batik.test", phone: "+6281234567890", kind: "buyer", locale: "en" } }]);
  });

  it("missing optional columns default to visitor, Bahasa Indonesia, no email and no phone", () => {
    expect(read("Budi Santoso", "Nama").rows[0]!.row).toEqual({ holderName: "Budi Santoso", organizationName: "", email: null, phone: null, kind: "visitor", locale: "id" });
  });

  it("reads semicolon-separated files (Excel with Indonesian settings), a BOM and Indonesian headers", () => {
    const res = readBadgeCsv("\uFEFFNama;Instansi;Email;No HP;Kategori;Bahasa\nDewi;Dekranasda;dewi@x.id;+62 812 3456 7890;Media;id\n");
    expect(res.ok && res.value.rows[0]!.row).toMatchObject({ holderName: "Dewi", organizationName: "Dekranasda", kind: "press", phone: "+6281234567890" });
  });

  it.each([
    ["a missing name", ",Org,a@b.id,,,", "name", "required"],
    ["a one-letter name", "X,Org,a@b.id,,,", "name", "too_short"],
    ["a bad email", "Sari,Org,sari-at-x,,,", "email", "email"],
    ["a landline", "Sari,Org,,021-5551234,,", "phone", "whatsapp_landline"],
    ["a foreign number", "Sari,Org,,+44 20 7946 0958,,", "phone", "whatsapp_foreign"],
    ["an unknown kind", "Sari,Org,,,alien,", "kind", "kind"],
    ["an unknown language", "Sari,Org,,,,klingon", "language", "language"],
    ["a formula in a name", "=HYPERLINK(\"http://x\"),Org,,,,", "name", "formula"],
    ["a formula in an organization", "Sari,@SUM(A1),,,,", "organization", "formula"],
    ["a minus command", "Sari,-cmd,,,,", "organization", "formula"],
  ])("%s is refused with its row and column", (_case, line, column, error) => {
    const { rows, problems } = read(line);
    expect(rows).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ row: 2, column, error }));
  });

  it("reports every bad cell of a row and keeps the good rows around it", () => {
    const { rows, problems } = read("Ani,Org,ani@x.id,,,\n,Org,bad,08123,alien,\nBudi,Org,budi@x.id,,,");
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(problems.map((p) => `${p.row}:${p.column}:${p.error}`)).toEqual(["3:name:required", "3:email:email", "3:phone:whatsapp_invalid", "3:kind:kind"]);
  });

  it("the same email twice in a file: the second row is the error", () => {
    const { rows, problems } = read("Ani,Org,ani@x.id,,,\nAni Lagi,Org,ANI@x.id,,,");
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([{ row: 3, column: "email", error: "duplicate_email", value: "ani@x.id" }]);
  });

  it.each([
    ["an empty file", "", "empty"],
    ["a file without a name column", "email,phone\na@b.id,0812", "no_name_column"],
    ["a header only", "name\n", "no_rows"],
    ["a binary file", "PK\u0003\u0004\u0000\u0000xl/workbook.xml", "binary"],
    ["a file over 1 MB", `name\n${"x".repeat(1_000_001)}`, "too_large"],
    ["too many rows", `name\n${"Ani\n".repeat(MAX_CSV_ROWS + 1)}`, "too_many_rows"],
    ["an unclosed quote", "name\n\"Ani,Org", "unreadable"],
  ])("%s is refused as a whole", (_case, text, reason) => {
    expect(readBadgeCsv(text)).toEqual({ ok: false, reason });
  });

  it.each([
    ["+6281234567890", "phone", false],
    ["+62 812-3456", "phone", false],
    ["+SUM(1)", "phone", true],
    ["+62", "name", true],
    ["=1+1", "email", true],
    ["Sari", "name", false],
    ["\tcmd", "name", true],
  ] as const)("%j in %s looks like a formula: %s", (value, column, expected) => {
    expect(isFormulaLike(value, column)).toBe(expected);
  });

  it("text with a few stray control characters is not binary; a NUL byte is", () => {
    expect(looksBinary("name\nSari\u0007\n")).toBe(false);
    expect(looksBinary("name\u0000")).toBe(true);
  });
});
