import { z } from "zod/v4";
import type { ApplicationStatus, Sector, UmkmClass } from "../../db/schema";
import { cleanQuery, optionalText } from "~/utils/validation";
import { MAX_SCORE, MIN_SCORE } from "./scoring";

export const SECTORS = [
  "batik_tulis", "batik_cap", "batik_printing", "tenun_ikat", "songket", "kriya", "kuliner", "fashion", "aksesoris", "lainnya",
] as const satisfies readonly Sector[];
export const UMKM_CLASSES = ["mikro", "kecil", "menengah"] as const satisfies readonly UmkmClass[];

/** Statuses a curator sees: everything an applicant has submitted (drafts stay private to the applicant). */
export const CURATION_STATUSES = ["submitted", "waitlisted", "accepted", "rejected", "withdrawn"] as const satisfies readonly ApplicationStatus[];
export type CurationStatus = (typeof CURATION_STATUSES)[number];
/** Statuses a decision can still change. */
export const OPEN_STATUSES = ["submitted", "waitlisted"] as const satisfies readonly CurationStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const DECISIONS = ["accept", "waitlist", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_STATUS = { accept: "accepted", waitlist: "waitlisted", reject: "rejected" } as const satisfies Record<Decision, CurationStatus>;
export type DecidedStatus = (typeof DECISION_STATUS)[Decision];

/** The queue's status filter: "open" (submitted and waitlisted, the default), one status, or all. */
export const STATUS_FILTERS = ["open", ...CURATION_STATUSES, "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const QUEUE_SORTS = ["newest", "score"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_PAGE_SIZE = 20;

export type QueueQuery = {
  q: string;
  sector: Sector | undefined;
  province: string | undefined;
  status: StatusFilter;
  unscoredByMe: boolean;
  sort: QueueSort;
  page: number;
};

/**
 * The queue's search parameters, forgiving: anything unknown falls back to the default rather than failing
 * (a bookmarked link with an old sector value still opens the queue).
 *
 * @example parseQueueQuery(new URLSearchParams("status=accepted&page=2")) // { status: "accepted", page: 2, … }
 */
export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
    values.includes(value as T) ? (value as T) : fallback;
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  const sector = params.get("sector");
  return {
    q: cleanQuery(params.get("q"), 100),
    sector: SECTORS.includes(sector as Sector) ? (sector as Sector) : undefined,
    province: cleanQuery(params.get("province"), 80) || undefined,
    status: pick(STATUS_FILTERS, params.get("status"), "open"),
    unscoredByMe: params.get("mine") === "unscored",
    sort: pick(QUEUE_SORTS, params.get("sort"), "newest"),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

const score = z.coerce
  .number({ error: "curation.errors.score_required" })
  .int({ error: "curation.errors.score_range" })
  .min(MIN_SCORE, { error: "curation.errors.score_range" })
  .max(MAX_SCORE, { error: "curation.errors.score_range" });

/**
 * A curator's scores for one application: one entry per criterion, posted as scores[i].criterionId,
 * scores[i].score (radio 1–5) and scores[i].comment. Whether the criteria are this event's is checked on the
 * server (an unknown one is a field error on that entry).
 */
export const ScoreSchema = z.object({
  intent: z.literal("score"),
  scores: z
    .array(z.object({
      criterionId: z.uuid({ error: "curation.errors.unknown_criterion" }),
      // An unanswered radio group posts nothing: Number(undefined) is NaN, reported as "required".
      score,
      comment: optionalText(1000),
    }), { error: "curation.errors.no_criteria" })
    .min(1, { error: "curation.errors.no_criteria" })
    .max(50, { error: "validation.invalid" }),
});
export type ScoreInput = z.infer<typeof ScoreSchema>;

export const DecideSchema = z.object({
  intent: z.literal("decide"),
  decision: z.enum(DECISIONS, { error: "curation.errors.choose_decision" }),
  /** The status the decider saw: the decision applies only if nobody decided in between. */
  from: z.enum(OPEN_STATUSES, { error: "curation.errors.already_decided" }),
  message: optionalText(5000),
}).refine((v) => DECISION_STATUS[v.decision] !== v.from, { path: ["decision"], error: "curation.errors.same_status" });
export type DecideInput = z.infer<typeof DecideSchema>;

/** Decision for several applications from the queue (each applies only while the application is open). */
export const BulkDecideSchema = z.object({
  intent: z.literal("bulk-decide"),
  decision: z.enum(DECISIONS, { error: "curation.errors.choose_decision" }),
  applicationIds: z.array(z.uuid({ error: "validation.invalid" }), { error: "curation.errors.select_some" })
    .min(1, { error: "curation.errors.select_some" }).max(100, { error: "validation.invalid" }),
  message: optionalText(5000),
});
export type BulkDecideInput = z.infer<typeof BulkDecideSchema>;

