import { createCookie } from "@remix-run/node";
import type { Db } from "../../db/index";
import type { DB, OrgRole } from "../../db/schema";
import type { SessionInput } from "~/agenda/agenda.schema";
import type { EventInput } from "~/events/event.schema";
import { createEvent } from "~/events/events.server";
import { hashPassword } from "~/accounts/password.server";
import { createOrganization } from "~/organizations/organizations.server";
import { createUserSession } from "~/utils/session.server";
import type { ToastInput } from "~/utils/toast.server";
import { BASE, type makeUser } from "./http";

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export const PASSWORD = "rahasia-sekali-123";
let passwordHash: Promise<string> | undefined;

/**
 * As makeUser (a signed-in account whose password is PASSWORD), but the argon2 hash is computed once per
 * test file instead of once per account: suites that need dozens of accounts stay fast on two cores.
 */
export async function makeAccount(db: Db, name: string, email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 7)}@test.id`): Promise<TestUser> {
  passwordHash ??= hashPassword(PASSWORD);
  const { id } = await db.insertInto("appUser").values({ name, email, passwordHash: await passwordHash, locale: "id" }).returning("id").executeTakeFirstOrThrow();
  const response = await createUserSession(db, { request: new Request(BASE), userId: id, locale: "id", redirectTo: "/" });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { id, email, name, cookie };
}
export type Staff = Record<OrgRole, TestUser>;

/**
 * An organization with one signed-in member per role (owner, admin, curator, gate_staff). Pass `people` to
 * reuse accounts from another organization (each new account costs an argon2 hash).
 */
export async function makeOrgWithStaff(db: Db, name: string, people?: Staff) {
  const owner = people?.owner ?? (await makeAccount(db, `${name} Owner`));
  const org = await createOrganization(db, { name, kind: "kadin", city: "Surakarta", ownerId: owner.id });
  const staff: Staff = { owner } as Staff;
  for (const role of ["admin", "curator", "gate_staff"] as const) {
    staff[role] = people?.[role] ?? (await makeAccount(db, `${name} ${role}`));
    await db.insertInto("membership").values({ organizationId: org.id, userId: staff[role].id, role }).execute();
  }
  return { org, staff };
}

/** A valid event form (three days in WIB); override any field. */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    name: "Pameran Batik Nusantara",
    kind: "pameran",
    slug: undefined,
    description: "",
    venueName: "Benteng Vastenburg",
    address: "Jl. Mayor Sunaryo",
    city: "Surakarta",
    timeZone: "Asia/Jakarta",
    firstDay: "2026-11-20",
    lastDay: "2026-11-22",
    ...overrides,
  };
}

/** The same event as form fields, as the browser posts them. */
export function eventForm(overrides: Record<string, string> = {}): Record<string, string> {
  const { slug: _slug, ...fields } = eventInput();
  return { ...(fields as Record<string, string>), ...overrides };
}

export async function makeEvent(db: Db, organizationId: string, overrides: Partial<EventInput> = {}) {
  const input = eventInput(overrides);
  const created = await createEvent(db, organizationId, input);
  if (!created.ok) throw new Error(created.reason);
  return { id: created.value.id, slug: created.value.slug, timeZone: input.timeZone, firstDay: input.firstDay, lastDay: input.lastDay };
}

export async function makeRoom(db: Db, eventId: string, name: string) {
  const row = await db.insertInto("room").values({ eventId, name }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    title: "Pembukaan", type: "opening", roomId: undefined, day: "2026-11-20", startTime: "09:00", endTime: "10:00",
    speakers: "", description: "", ...overrides,
  };
}

/** Session form fields as the browser posts them (no roomId field when there is no room). */
export function sessionForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { title: "Pembukaan", type: "opening", day: "2026-11-20", startTime: "09:00", endTime: "10:00", ...overrides };
}

/** Field errors of a conform reply returned as `data({ result }, { status })`. */
export function fieldErrors(body: unknown): Record<string, string[] | null> {
  const result = (body as { result?: { error?: Record<string, string[] | null> } } | undefined)?.result;
  return result?.error ?? {};
}

// Same name and no secrets as app/utils/toast.server.ts, so it reads the app's flash cookie.
const toastCookie = createCookie("toast");

/** The flash message a redirect carries, e.g. { type: "error", key: "members.last_owner" }. */
export async function readToast(response: Response | undefined): Promise<ToastInput | null> {
  const header = response?.headers.getSetCookie().find((c) => c.startsWith("toast="));
  if (!header) return null;
  return (await toastCookie.parse(header.split(";")[0]!)) as ToastInput | null;
}

export const COUNTED_TABLES = [
  "appUser", "userSession", "organization", "membership", "invitation", "event", "hall", "room", "eventRegion",
  "agendaSession", "outbox", "emailLog", "passwordReset",
] as const satisfies readonly (keyof DB)[];

/** Row counts of the tables a form could write (one query), to prove that a refused request wrote nothing. */
export async function countRows(db: Db, tables: readonly (keyof DB)[] = COUNTED_TABLES): Promise<Record<string, number>> {
  const row = await db
    .selectNoFrom((eb) => tables.map((table) => eb.selectFrom(table).select(eb.fn.countAll<number>().as("n")).as(table)))
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([table, n]) => [table, Number(n)]));
}
