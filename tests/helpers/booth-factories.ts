// Factories for the booths tests: halls, booths, the call with sizes and the selection window, and exhibitors
// (account + business + application) inserted directly with Kysely, so these tests do not depend on the
// exhibitor portal's screens.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { createDb, type Db } from "../../db/index";
import { withDatabase } from "../setup/global-setup";
import type { ApplicationStatus, Sector } from "../../db/schema";
import { makeAccount, type TestUser } from "./factories";

export async function makeHall(db: Db, eventId: string, name = "Hall A") {
  const row = await db.insertInto("hall").values({ eventId, name }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export type BoothSpec = { code: string; x: number; y: number; w?: number; h?: number; sizeM2?: number; zone?: string; priceIdr?: string | number };

/** Booths in a hall (3×3 cells and 9 m² unless told otherwise); returns their ids by code. */
export async function makeBooths(db: Db, eventId: string, hallId: string, specs: BoothSpec[]): Promise<Record<string, string>> {
  const rows = await db.insertInto("booth").values(specs.map((s) => ({
    eventId, hallId, code: s.code, x: s.x, y: s.y, w: s.w ?? 3, h: s.h ?? 3, sizeM2: s.sizeM2 ?? (s.w ?? 3) * (s.h ?? 3),
    zone: s.zone ?? "", priceIdr: String(s.priceIdr ?? 0),
  }))).returning(["id", "code"]).execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

/** A row of `count` 3×3 booths from (0, y), … */
export function row(prefix: string, count: number, y = 0, extra: Partial<BoothSpec> = {}): BoothSpec[] {
  return Array.from({ length: count }, (_, i) => ({ code: `${prefix}-${String(i + 1).padStart(2, "0")}`, x: i * 3, y, ...extra }));
}

/** The call for exhibitors, open now, with an optional self-selection window and booth sizes. */
export async function makeCall(db: Db, eventId: string, opts: {
  selection?: { opensAt: Date; closesAt: Date } | null;
  sizes?: Array<{ sizeM2: number; feeIdr?: number; staffLimit?: number }>;
} = {}) {
  await db.insertInto("exhibitorCall").values({
    eventId, opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-10-01T00:00:00Z"),
    selectionOpensAt: opts.selection?.opensAt ?? null, selectionClosesAt: opts.selection?.closesAt ?? null,
  }).execute();
  for (const s of opts.sizes ?? []) {
    await db.insertInto("boothSize").values({ eventId, sizeM2: s.sizeM2, feeIdr: String(s.feeIdr ?? 0), staffLimit: s.staffLimit ?? 2 }).execute();
  }
}

/** A window open around now (a day either side). */
export const OPEN_NOW = () => ({ opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) });

export type ExhibitorSpec = {
  name?: string;
  status?: ApplicationStatus;
  sizeM2?: number | null;
  zone?: string;
  province?: string;
  city?: string;
  sector?: Sector;
  historyYears?: number;
  brandName?: string;
};

export type TestExhibitor = { user: TestUser; businessId: string; applicationId: string; name: string };

/** An exhibitor account with a business and an application to the event (accepted, 9 m², by default). */
export async function makeExhibitor(db: Db, eventId: string, spec: ExhibitorSpec = {}): Promise<TestExhibitor> {
  const name = spec.name ?? `Batik ${Math.random().toString(36).slice(2, 7)}`;
  const user = await makeAccount(db, `Pemilik ${name}`);
  const business = await db.insertInto("business").values({
    ownerUserId: user.id, name, brandName: spec.brandName ?? "", ownerName: `Pemilik ${name}`, umkmClass: "kecil", sector: spec.sector ?? "batik_tulis",
    city: spec.city ?? "Surakarta", province: spec.province ?? "Jawa Tengah", email: user.email,
  }).returning("id").executeTakeFirstOrThrow();
  const app = await db.insertInto("application").values({
    eventId, businessId: business.id, status: spec.status ?? "accepted", preferredSizeM2: spec.sizeM2 === undefined ? 9 : spec.sizeM2,
    preferredZone: spec.zone ?? "", historyYears: spec.historyYears ?? 0, submittedAt: new Date(),
  }).returning("id").executeTakeFirstOrThrow();
  return { user, businessId: business.id, applicationId: app.id, name };
}

/** Curation scores of one curator for an application: one score per criterion. */
export async function scoreApplication(db: Db, applicationId: string, curatorUserId: string, scores: Array<{ criterionId: string; score: number }>) {
  await db.insertInto("curationScore").values(scores.map((s) => ({ applicationId, curatorUserId, criterionId: s.criterionId, score: s.score }))).execute();
}

export async function makeCriterion(db: Db, eventId: string, name: string, weight: number) {
  const row = await db.insertInto("curationCriterion").values({ eventId, name, weight }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Outbox jobs of the booth-assigned template, with their recipient and props. */
export async function boothEmails(db: Db) {
  const rows = await db.selectFrom("outbox").select(["payload"]).where("kind", "=", "email").execute();
  return rows.map((r) => (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as { template: string; to: string; props: Record<string, unknown> })
    .filter((p) => p.template === "booth-assigned");
}

/**
 * A fresh database seeded before the app server starts (pass `env` to startAppServer): a copy of the PGlite
 * template, seeded and closed again (its dir lock removed, so the server may open it), or a clone of the
 * PostgreSQL template. `drop` removes it after the server stopped.
 */
export async function seededServerDatabase<T>(seed: (db: Db) => Promise<T>): Promise<{ env: Record<string, string>; value: T; drop: () => Promise<void> }> {
  const templateUrl = inject("pgTemplateUrl");
  if (templateUrl) {
    const name = `pendopo_e2eb_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(withDatabase(templateUrl, "postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${new URL(templateUrl).pathname.slice(1)}`);
    const url = withDatabase(templateUrl, name);
    const db = createDb({ url });
    const value = await seed(db).finally(() => db.destroy());
    return {
      env: { DATABASE_URL: url }, value,
      drop: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), "pendopo-e2eb-"));
  const dir = path.join(parent, "pglite");
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  const db = createDb({ pgliteDir: dir });
  const value = await seed(db).finally(() => db.destroy());
  rmSync(`${dir}.lock`, { force: true });
  return { env: { PGLITE_DIR: dir }, value, drop: async () => rmSync(parent, { recursive: true, force: true }) };
}
