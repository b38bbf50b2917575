// The gate phone's IndexedDB (idb): the last sync (keys, revocations, rules, badge index), the queue of scans
// decided offline and not yet uploaded, and the history of scans this phone saw. Browser only.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { GateSync } from "~/checkin/gates.server";
import type { LocalScan } from "./offline-decision";

/** A scan as the batch API takes it (contract §2), kept until the server answered it. */
export type QueuedScan = { code: string; type: "entry" | "exit"; nonce: string; scannedAt: string; force: boolean };

interface GateDb extends DBSchema {
  sync: { key: string; value: GateSync };
  queue: { key: string; value: QueuedScan & { queuedAt: number } };
  history: { key: string; value: LocalScan; indexes: { badge: string } };
}

const TOKEN_KEY = "pendopo.gate.token";
let dbPromise: Promise<IDBPDatabase<GateDb>> | null = null;

function db(): Promise<IDBPDatabase<GateDb>> {
  dbPromise ??= openDB<GateDb>("pendopo-gate", 1, {
    upgrade(d) {
      d.createObjectStore("sync");
      d.createObjectStore("queue", { keyPath: "nonce" });
      d.createObjectStore("history", { keyPath: "nonce" }).createIndex("badge", "badgeId");
    },
  });
  return dbPromise;
}

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string) => localStorage.setItem(TOKEN_KEY, token);

/** Forgets the pairing and everything synced or queued (a phone handed back, or a revoked device). */
export async function unpair(): Promise<void> {
  localStorage.removeItem(TOKEN_KEY);
  const d = await db();
  await Promise.all([d.clear("sync"), d.clear("queue"), d.clear("history")]);
}

export const loadSync = async () => (await db()).get("sync", "current");
export const saveSync = async (sync: GateSync) => void (await (await db()).put("sync", sync, "current"));

export async function enqueue(scan: QueuedScan): Promise<void> {
  await (await db()).put("queue", { ...scan, queuedAt: Date.now() });
}

/** The oldest queued scans first, at most `limit`. */
export async function peekQueue(limit: number): Promise<QueuedScan[]> {
  const all = await (await db()).getAll("queue");
  return all.sort((a, b) => a.queuedAt - b.queuedAt).slice(0, limit).map(({ queuedAt: _, ...scan }) => scan);
}

export const queueSize = async () => (await db()).count("queue");

export async function dropQueued(nonces: string[]): Promise<void> {
  const tx = (await db()).transaction("queue", "readwrite");
  await Promise.all([...nonces.map((n) => tx.store.delete(n)), tx.done]);
}

export async function remember(scan: LocalScan): Promise<void> {
  await (await db()).put("history", scan);
}

export async function historyOf(badgeId: string): Promise<LocalScan[]> {
  return (await db()).getAllFromIndex("history", "badge", badgeId);
}
