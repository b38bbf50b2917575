import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { DecideSchema, parseQueueQuery, ScoreSchema } from "~/curation/curation.schema";

const ID = "0b6d3c1e-6f1a-4b8e-9a53-2f1c6a7d9e10";
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("parseQueueQuery", () => {
  it("defaults to open applications, newest first, page 1", () => {
    expect(parseQueueQuery(new URLSearchParams())).toEqual({
      q: "", sector: undefined, province: undefined, status: "open", unscoredByMe: false, sort: "newest", page: 1,
    });
  });

  it("reads every filter", () => {
    const q = parseQueueQuery(new URLSearchParams("q=Sekar&sector=tenun_ikat&province=Jawa+Timur&status=waitlisted&mine=unscored&sort=score&page=3"));
    expect(q).toEqual({ q: "Sekar", sector: "tenun_ikat", province: "Jawa Timur", status: "waitlisted", unscoredByMe: true, sort: "score", page: 3 });
  });

  it.each([
    ["an unknown sector", "sector=tambang", { sector: undefined }],
    ["a draft status (drafts are private)", "status=draft", { status: "open" }],
    ["an unknown sort", "sort=random", { sort: "newest" }],
    ["a page below 1", "page=0", { page: 1 }],
    ["a page that is not a number", "page=abc", { page: 1 }],
    ["control characters and NUL in the search", "q=%00Batik%0A", { q: "Batik" }],
  ])("falls back to the default for %s", (_what, search, expected) => {
    expect(parseQueueQuery(new URLSearchParams(search))).toMatchObject(expected);
  });

  it("cuts a very long search to 100 characters", () => {
    expect(parseQueueQuery(new URLSearchParams({ q: "a".repeat(5000) })).q).toHaveLength(100);
  });
});

describe("ScoreSchema", () => {
  it("accepts one whole score 1–5 per criterion with an optional note", () => {
    const s = parseWithZod(form({ intent: "score", "scores[0].criterionId": ID, "scores[0].score": "4", "scores[0].comment": " Rapi " }), { schema: ScoreSchema });
    expect(s.status === "success" && s.value).toEqual({ intent: "score", scores: [{ criterionId: ID, score: 4, comment: "Rapi" }] });
  });

  it.each([
    ["0", "curation.errors.score_range"], ["6", "curation.errors.score_range"], ["3.5", "curation.errors.score_range"],
    ["-1", "curation.errors.score_range"], ["lima", "curation.errors.score_required"], ["", "curation.errors.score_required"],
  ])("refuses the score %j with %s on that field", (score, key) => {
    const s = parseWithZod(form({ intent: "score", "scores[0].criterionId": ID, "scores[0].score": score }), { schema: ScoreSchema });
    expect(s.reply().error).toEqual({ "scores[0].score": [key] });
  });

  it("refuses a criterion id that is not a uuid, and a form with no scores", () => {
    const bad = parseWithZod(form({ intent: "score", "scores[0].criterionId": "1 or 1=1", "scores[0].score": "3" }), { schema: ScoreSchema });
    expect(bad.reply().error).toEqual({ "scores[0].criterionId": ["curation.errors.unknown_criterion"] });
    expect(parseWithZod(form({ intent: "score" }), { schema: ScoreSchema }).reply().error).toEqual({ scores: ["curation.errors.no_criteria"] });
  });
});

describe("DecideSchema", () => {
  it("takes a decision, the status the decider saw, and a message", () => {
    const s = parseWithZod(form({ intent: "decide", decision: "accept", from: "submitted", message: "Selamat!" }), { schema: DecideSchema });
    expect(s.status === "success" && s.value).toEqual({ intent: "decide", decision: "accept", from: "submitted", message: "Selamat!" });
  });

  it.each([
    [{ decision: "approve", from: "submitted" }, { decision: ["curation.errors.choose_decision"] }],
    [{ decision: "waitlist", from: "waitlisted" }, { decision: ["curation.errors.same_status"] }],
    [{ decision: "accept", from: "accepted" }, { from: ["curation.errors.already_decided"] }],
    [{ decision: "accept", from: "submitted", message: "x".repeat(5001) }, { message: ["validation.too_long_5000"] }],
  ])("refuses %j", (fields, errors) => {
    expect(parseWithZod(form({ intent: "decide", ...fields }), { schema: DecideSchema }).reply().error).toEqual(errors);
  });
});
