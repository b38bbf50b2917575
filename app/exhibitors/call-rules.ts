/**
 * Rules of the call for exhibitors: when it is open, who may submit. Pure: the clock comes in as `now`.
 * The database holds the same facts (exhibitor_call, booth_size); these functions only decide and explain.
 */
import type { ApplicationStatus, Sector } from "../../db/schema";
import { fail, ok, type Result } from "~/utils/result";

export type CallWindow = { opensAt: Date | string; closesAt: Date | string };
export type CallPhase = "upcoming" | "open" | "closed";

/**
 * Where `now` falls in the call's window; the window is half-open [opensAt, closesAt).
 *
 * @example callPhase({ opensAt: "2026-10-01T00:00:00Z", closesAt: "2026-10-31T17:00:00Z" }, new Date("2026-10-05T00:00:00Z")) // "open"
 */
export function callPhase(call: CallWindow, now: Date): CallPhase {
  const t = now.getTime();
  if (t < new Date(call.opensAt).getTime()) return "upcoming";
  if (t >= new Date(call.closesAt).getTime()) return "closed";
  return "open";
}

/**
 * An empty list accepts every sector (the organizer did not restrict the call).
 *
 * @example isSectorAccepted(["batik_tulis", "tenun_ikat"], "kuliner") // false
 */
export function isSectorAccepted(accepted: readonly string[], sector: Sector): boolean {
  return accepted.length === 0 || accepted.includes(sector);
}

export type SubmitRefusal =
  | "no_call"
  | "call_not_open"
  | "call_closed"
  | "sector_not_accepted"
  | "size_required"
  | "size_not_offered"
  | "not_editable";

export type SubmitCheckInput = {
  call: (CallWindow & { sectors: readonly string[] }) | null;
  sector: Sector;
  preferredSizeM2: number | null | undefined;
  offeredSizesM2: readonly number[];
  /** The application's current status (null: none yet). */
  status: ApplicationStatus | null;
};

/** Statuses the exhibitor may still edit and (re)submit; withdrawn reopens as a new draft. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["draft", "withdrawn"];

/**
 * Why a draft may not be saved: the application was already submitted or decided, or the size is not offered.
 *
 * @example checkDraft({ preferredSizeM2: 9, offeredSizesM2: [4, 9], status: "draft" }) // { ok: true, value: null }
 */
export function checkDraft(input: Pick<SubmitCheckInput, "preferredSizeM2" | "offeredSizesM2" | "status">): Result<null, "not_editable" | "size_not_offered"> {
  if (input.status !== null && !EDITABLE_STATUSES.includes(input.status)) return fail("not_editable");
  if (input.preferredSizeM2 != null && !input.offeredSizesM2.includes(input.preferredSizeM2)) return fail("size_not_offered");
  return ok(null);
}

/**
 * Whether an application may be submitted now, with the first reason it may not, in the order a person would
 * fix things: the call itself, then the business's sector, then the chosen booth size.
 *
 * @example checkSubmission({ call: null, sector: "kriya", preferredSizeM2: 9, offeredSizesM2: [9], status: "draft" }, now) // { ok: false, reason: "no_call" }
 */
export function checkSubmission(input: SubmitCheckInput, now: Date): Result<null, SubmitRefusal> {
  if (input.status !== null && !EDITABLE_STATUSES.includes(input.status)) return fail("not_editable");
  if (!input.call) return fail("no_call");
  const phase = callPhase(input.call, now);
  if (phase === "upcoming") return fail("call_not_open");
  if (phase === "closed") return fail("call_closed");
  if (!isSectorAccepted(input.call.sectors, input.sector)) return fail("sector_not_accepted");
  if (input.offeredSizesM2.length > 0) {
    if (input.preferredSizeM2 == null) return fail("size_required");
    if (!input.offeredSizesM2.includes(input.preferredSizeM2)) return fail("size_not_offered");
  } else if (input.preferredSizeM2 != null) {
    return fail("size_not_offered");
  }
  return ok(null);
}

/** Before a decision the exhibitor may withdraw; after it, the organizer's decision stands. */
export function canWithdraw(status: ApplicationStatus): boolean {
  return status === "draft" || status === "submitted";
}

export type ProfileFacts = {
  hasDescription: boolean;
  hasWhatsapp: boolean;
  hasNib: boolean;
  hasCapacity: boolean;
  productCount: number;
  productPhotoCount: number;
  certificationCount: number;
};

export type ProfileStep = "basics" | "description" | "whatsapp" | "nib" | "capacity" | "products" | "photos" | "certifications";

/**
 * How complete a business profile is, for the dashboard: each step counts the same; `missing` is in the order to do.
 *
 * @example profileCompleteness(null).percent // 0
 */
export function profileCompleteness(facts: ProfileFacts | null): { percent: number; done: ProfileStep[]; missing: ProfileStep[] } {
  const steps: Array<[ProfileStep, boolean]> = [
    ["basics", facts !== null],
    ["description", Boolean(facts?.hasDescription)],
    ["whatsapp", Boolean(facts?.hasWhatsapp)],
    ["nib", Boolean(facts?.hasNib)],
    ["capacity", Boolean(facts?.hasCapacity)],
    ["products", (facts?.productCount ?? 0) > 0],
    ["photos", (facts?.productPhotoCount ?? 0) > 0],
    ["certifications", (facts?.certificationCount ?? 0) > 0],
  ];
  const done = steps.filter(([, d]) => d).map(([s]) => s);
  const missing = steps.filter(([, d]) => !d).map(([s]) => s);
  return { percent: Math.round((done.length / steps.length) * 100), done, missing };
}
