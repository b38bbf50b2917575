// Reads cell values back from an .xlsx (a zip of XML) for tests: enough of SpreadsheetML for our sheets.
import { strFromU8, unzipSync } from "fflate";

export type SheetCells = Array<Array<string | number | null>>;

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Sheets by name, each as rows of values (strings resolved from the shared-string table). */
export function readXlsx(buffer: Buffer): { sheets: Map<string, SheetCells>; styles: string } {
  const files = unzipSync(new Uint8Array(buffer));
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : "");
  const shared = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescapeXml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const rels = text("xl/_rels/workbook.xml.rels");
  const sheets = new Map<string, SheetCells>();
  for (const [tag] of text("xl/workbook.xml").matchAll(/<sheet [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)![1];
    const id = /r:id="([^"]+)"/.exec(tag)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
    const xml = text(`xl/${target.replace(/^\/?xl\//, "")}`);
    const rows: SheetCells = [];
    for (const row of xml.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: Array<string | number | null> = [];
      for (const c of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const col = [...c[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const type = /t="(\w+)"/.exec(c[2])?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] ?? "")?.[1];
        const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(c[3] ?? "")?.[1];
        cells[col] = type === "s" ? shared[Number(v)] : type === "inlineStr" ? unescapeXml(inline ?? "") : type === "str" ? unescapeXml(v ?? "") : v === undefined ? null : Number(v);
      }
      rows.push(cells);
    }
    sheets.set(unescapeXml(name), rows);
  }
  return { sheets, styles: text("xl/styles.xml") };
}
