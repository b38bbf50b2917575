import { describe, expect, it } from "vitest";
import { z } from "zod/v4";
import { isOversizedForm, parseForm } from "~/utils/form-parse.server";

const ID = "0b7f4c5e-5c1a-4f3e-9a59-3d2b6f1e8c11";
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("isOversizedForm", () => {
  it("lets a normal score form through", () => {
    const fields: Record<string, string> = { intent: "score" };
    for (let i = 0; i < 12; i++) Object.assign(fields, { [`scores[${i}].criterionId`]: ID, [`scores[${i}].score`]: "3", [`scores[${i}].comment`]: "" });
    expect(isOversizedForm(form(fields))).toBe(false);
  });

  it.each([
    ["a huge index", { "scores[100000].score": "3" }],
    ["an index past the limit", { "scores[101].score": "3" }],
    ["an index with too many digits", { "scores[0000000001].score": "3" }],
    ["a nested huge index", { "scores[0].x[5000]": "1" }],
  ])("refuses %s", (_what, fields) => {
    expect(isOversizedForm(form(fields))).toBe(true);
  });

  it("refuses more than 1000 fields", () => {
    const f = new FormData();
    for (let i = 0; i < 1001; i++) f.append("applicationIds", ID);
    expect(isOversizedForm(f)).toBe(true);
  });
});

describe("parseForm", () => {
  const Schema = z.object({ name: z.string({ error: "validation.required" }), items: z.array(z.object({ a: z.string() })).max(10) });

  it("parses a normal form like parseWithZod", () => {
    expect(parseForm(form({ name: "Batik", "items[0].a": "x" }), { schema: Schema }).status).toBe("success");
  });

  it("drops array indexes no real form posts, answering at once with the field errors that remain", () => {
    const started = performance.now();
    const submission = parseForm(form({ "items[999999].a": "x" }), { schema: Schema });
    expect(performance.now() - started).toBeLessThan(500);
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toMatchObject({ name: ["validation.required"] });
  });
});
