import type { Db } from "../../../db/index";

/** Score form fields as the browser posts them: one entry per criterion, in order. */
export function scoreForm(criteria: readonly string[], scores: readonly (number | string)[], comment = ""): Record<string, string> {
  const fields: Record<string, string> = { intent: "score" };
  criteria.forEach((id, i) => {
    fields[`scores[${i}].criterionId`] = id;
    if (scores[i] !== undefined) fields[`scores[${i}].score`] = String(scores[i]);
    if (comment) fields[`scores[${i}].comment`] = `${comment} ${i + 1}`;
  });
  return fields;
}

/**
 * Everything a curation request could change, read back in one go: each application's status and decision,
 * every score, and the outbox and email log sizes. Equal snapshots mean nothing changed.
 */
export async function curationSnapshot(db: Db) {
  const [applications, scores, outbox, emailLog] = await Promise.all([
    db.selectFrom("application").select(["id", "status", "decidedAt", "decidedBy", "decisionMessage", "updatedAt"]).orderBy("id").execute(),
    db.selectFrom("curationScore").selectAll().orderBy("applicationId").orderBy("criterionId").orderBy("curatorUserId").execute(),
    db.selectFrom("outbox").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("emailLog").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { applications, scores, outbox: Number(outbox.n), emailLog: Number(emailLog.n) };
}
