import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { callPhase, canWithdraw, checkDraft, checkSubmission, isSectorAccepted, profileCompleteness, type SubmitCheckInput } from "~/exhibitors/call-rules";

// The call runs 1–31 October 2026 in WITA (Makassar): opens 08.00 WITA, closes 17.00 WITA.
const opensAt = DateTime.fromISO("2026-10-01T08:00", { zone: "Asia/Makassar" }).toJSDate();
const closesAt = DateTime.fromISO("2026-10-31T17:00", { zone: "Asia/Makassar" }).toJSDate();
const at = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Makassar" }).toJSDate();
const call = { opensAt, closesAt, sectors: ["batik_tulis", "tenun_ikat"] };
const base: SubmitCheckInput = { call, sector: "batik_tulis", preferredSizeM2: 9, offeredSizesM2: [4, 9], status: "draft" };

describe("the call window", () => {
  it.each([
    ["2026-10-01T07:59", "upcoming"],
    ["2026-10-01T08:00", "open"],
    ["2026-10-31T16:59", "open"],
    ["2026-10-31T17:00", "closed"],
  ])("at %s WITA the call is %s", (when, phase) => {
    expect(callPhase(call, at(when))).toBe(phase);
  });

  it("reads instants given as strings, as loaders pass them", () => {
    expect(callPhase({ opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() }, at("2026-10-15T12:00"))).toBe("open");
  });
});

describe("submitting an application", () => {
  const now = at("2026-10-15T10:00");
  it("is allowed while the call is open, for an accepted sector and an offered size", () => {
    expect(checkSubmission(base, now)).toEqual({ ok: true, value: null });
  });
  it.each<[string, Partial<SubmitCheckInput>, Date, string]>([
    ["no call", { call: null }, now, "no_call"],
    ["before the call opens", {}, at("2026-09-30T23:00"), "call_not_open"],
    ["after the call closes", {}, at("2026-10-31T17:00"), "call_closed"],
    ["a sector the call does not accept", { sector: "kuliner" }, now, "sector_not_accepted"],
    ["no size when sizes are offered", { preferredSizeM2: null }, now, "size_required"],
    ["a size that is not offered", { preferredSizeM2: 6 }, now, "size_not_offered"],
    ["a size when none is offered", { offeredSizesM2: [] }, now, "size_not_offered"],
    ["an application already submitted", { status: "submitted" }, now, "not_editable"],
    ["an accepted application", { status: "accepted" }, now, "not_editable"],
  ])("is refused for %s", (_name, change, when, reason) => {
    expect(checkSubmission({ ...base, ...change }, when)).toMatchObject({ ok: false, reason });
  });
  it("accepts every sector when the call lists none", () => {
    expect(checkSubmission({ ...base, call: { ...call, sectors: [] }, sector: "kuliner" }, now).ok).toBe(true);
    expect(isSectorAccepted([], "songket")).toBe(true);
  });
  it("reopens a withdrawn application", () => {
    expect(checkSubmission({ ...base, status: "withdrawn" }, now).ok).toBe(true);
  });
  it("needs no size when the event offers none", () => {
    expect(checkSubmission({ ...base, offeredSizesM2: [], preferredSizeM2: null }, now).ok).toBe(true);
  });
});

describe("saving a draft", () => {
  it("keeps an unanswered size, refuses one that is not offered", () => {
    expect(checkDraft({ preferredSizeM2: null, offeredSizesM2: [9], status: null }).ok).toBe(true);
    expect(checkDraft({ preferredSizeM2: 12, offeredSizesM2: [9], status: "draft" })).toMatchObject({ ok: false, reason: "size_not_offered" });
    expect(checkDraft({ preferredSizeM2: 9, offeredSizesM2: [9], status: "submitted" })).toMatchObject({ ok: false, reason: "not_editable" });
  });
  it("lets the exhibitor withdraw only before a decision", () => {
    expect(["draft", "submitted", "accepted", "waitlisted", "rejected", "withdrawn"].filter((s) => canWithdraw(s as never)))
      .toEqual(["draft", "submitted"]);
  });
});

describe("profile completeness", () => {
  it("is 0 without a profile and 100 with everything", () => {
    expect(profileCompleteness(null)).toMatchObject({ percent: 0 });
    expect(profileCompleteness({
      hasDescription: true, hasWhatsapp: true, hasNib: true, hasCapacity: true, productCount: 3, productPhotoCount: 2, certificationCount: 1,
    })).toEqual({ percent: 100, done: ["basics", "description", "whatsapp", "nib", "capacity", "products", "photos", "certifications"], missing: [] });
  });
  it("lists what is missing in the order to do it", () => {
    const r = profileCompleteness({
      hasDescription: false, hasWhatsapp: true, hasNib: false, hasCapacity: true, productCount: 1, productPhotoCount: 0, certificationCount: 0,
    });
    expect(r.missing).toEqual(["description", "nib", "photos", "certifications"]);
    expect(r.percent).toBe(50);
  });
});
