// CSV imports: the organizer confirms a previewed file, the rows are stored with a job in one transaction,
// and the outbox worker issues the badges in chunks, updating the progress the page polls. Re-running the
// job is harmless: a badge remembers its import row (unique), so rows already done are skipped.
import type { Db, Executor } from "~/utils/db.server";
import { enqueue } from "~/utils/outbox.server";
import { createBadge, getDeliveryEvent } from "./badge-actions.server";
import type { ImportRow } from "./badge-csv";
import { inTransaction } from "./badges.server";

export const IMPORT_JOB = "badge-import";
const CHUNK = 50;

/**
 * Stores the checked rows of a confirmed import and queues its job (same transaction).
 *
 * @example const { id } = await createImport(db, { eventId, by: user.id, fileName: "tamu.csv", rows, sendEmail: true })
 */
export async function createImport(db: Executor, input: { eventId: string; organizationId: string; by: string | null; fileName: string; rows: ImportRow[]; sendEmail: boolean }) {
  return inTransaction(db, async (trx) => {
    const row = await trx.insertInto("badgeImport").values({
      eventId: input.eventId, fileName: input.fileName.slice(0, 200), rows: JSON.stringify(input.rows), total: input.rows.length,
      sendEmail: input.sendEmail, createdBy: input.by,
    }).returning("id").executeTakeFirstOrThrow();
    await enqueue(trx, IMPORT_JOB, { importId: row.id }, input.organizationId);
    return row;
  });
}

/** An import's progress (the page polls it), or undefined for another event's import. */
export function getImport(db: Executor, eventId: string, importId: string) {
  return db.selectFrom("badgeImport").select(["id", "status", "fileName", "total", "processed", "failed", "sendEmail", "createdAt", "finishedAt"])
    .where("eventId", "=", eventId).where("id", "=", importId).executeTakeFirst();
}

/** The event's latest imports. */
export function listImports(db: Executor, eventId: string) {
  return db.selectFrom("badgeImport").select(["id", "status", "fileName", "total", "processed", "failed", "createdAt"])
    .where("eventId", "=", eventId).orderBy("createdAt", "desc").limit(10).execute();
}

/** Rows one job run takes on; the rest goes to a follow-up job, so a run stays well inside the outbox lease. */
export const ROWS_PER_RUN = 500;

/**
 * The job: issues the badges of an import from where it stopped, CHUNK rows per transaction, recording
 * progress with each chunk, and queues a follow-up job after ROWS_PER_RUN rows. Safe to run twice: progress
 * commits with its badges, rows that already have a badge are skipped, and counters are absolute.
 */
export async function runBadgeImport(db: Db, importId: string, now: Date, rowsPerRun = ROWS_PER_RUN): Promise<void> {
  const imp = await db.selectFrom("badgeImport").select(["id", "eventId", "rows", "total", "processed", "failed", "sendEmail", "createdBy", "status"])
    .where("id", "=", importId).executeTakeFirst();
  if (!imp || imp.status === "done") return;
  const event = await getDeliveryEvent(db, imp.eventId);
  if (!event) return;
  const rows = (typeof imp.rows === "string" ? JSON.parse(imp.rows) : imp.rows) as ImportRow[];
  await db.updateTable("badgeImport").set({ status: "running" }).where("id", "=", importId).execute();
  let failed = imp.failed;
  const stop = Math.min(rows.length, imp.processed + rowsPerRun);
  for (let start = imp.processed; start < stop; start += CHUNK) {
    const end = Math.min(stop, start + CHUNK);
    failed = await inTransaction(db, async (trx) => {
      const done = new Set((await trx.selectFrom("badge").select("importRow").where("importId", "=", importId)
        .where("importRow", ">=", start).where("importRow", "<", end).execute()).map((r) => r.importRow));
      let chunkFailed = 0;
      for (let i = start; i < end; i++) {
        if (done.has(i)) continue;
        const r = rows[i]!;
        const res = await createBadge(trx, { event, by: imp.createdBy, now }, { ...r, phone: r.phone ?? "", whatsappOptIn: false },
          { sendEmail: imp.sendEmail, origin: { source: "import", importId, importRow: i } });
        if (!res.ok) chunkFailed++;
      }
      const total = Math.min(failed + chunkFailed, end);
      await trx.updateTable("badgeImport").set({ processed: end, failed: total }).where("id", "=", importId).execute();
      return total;
    });
  }
  if (stop < rows.length) {
    await enqueue(db, IMPORT_JOB, { importId }, event.organizationId);
    return;
  }
  // Done: the rows (names, emails, phones) are not kept twice; the badges hold them now.
  await db.updateTable("badgeImport").set({ status: "done", finishedAt: now, rows: JSON.stringify([]) }).where("id", "=", importId).execute();
}
