import sharp from "sharp";
import type { Db } from "../../db/index";
import type { Sector } from "../../db/schema";
import type { BusinessInput } from "~/exhibitors/exhibitor.schema";
import { createBusiness } from "~/exhibitors/businesses.server";
import { addBoothSize, saveCall } from "~/exhibitors/calls.server";
import { setEventPublished } from "~/events/events.server";
import { instantToLocalParts } from "~/utils/time";
import { BASE } from "./http";
import { makeAccount, makeEvent, type TestUser } from "./factories";

/** A valid business profile form (a batik tulis maker in Surakarta); override any field. */
export function businessInput(overrides: Partial<BusinessInput> = {}): BusinessInput {
  return {
    name: "Batik Sekar Jagad", brandName: "Sekar", ownerName: "Sri Rahayu", nib: "9120001234567", umkmClass: "kecil",
    sector: "batik_tulis", city: "Kota Surakarta", province: "Jawa Tengah", whatsapp: "0812-3456-7890", email: "sekar@batik.test",
    description: "Batik tulis pewarna alam sejak 1998.", capacityQuantity: 300, capacityUnit: "lembar", exportExperience: "",
    redirectTo: undefined,
    ...overrides,
  };
}

/** The same profile as form fields, as the browser posts them. */
export function businessForm(overrides: Record<string, string> = {}): Record<string, string> {
  const { redirectTo: _r, capacityQuantity, ...rest } = businessInput();
  return { ...(rest as Record<string, string>), capacityQuantity: String(capacityQuantity), ...overrides };
}

export type TestExhibitor = TestUser & { businessId: string };

/** A signed-in account with its business profile. */
export async function makeExhibitor(db: Db, name: string, overrides: Partial<BusinessInput> = {}): Promise<TestExhibitor> {
  const user = await makeAccount(db, name);
  const created = await createBusiness(db, user.id, businessInput({ email: user.email, ...overrides }));
  if (!created.ok) throw new Error(created.reason);
  return { ...user, businessId: created.value.id };
}

export type CallOptions = {
  opensAt?: Date;
  closesAt?: Date;
  sectors?: Sector[];
  sizes?: Array<{ sizeM2: number; fee: string; staffLimit?: number }>;
  published?: boolean;
};

/**
 * An event of the organization with a call for exhibitors, published by default: open from a day ago to 30 days
 * ahead, every sector, sizes 4 m² (free) and 9 m² (Rp 1.500.000).
 */
export async function makeEventWithCall(db: Db, organizationId: string, options: CallOptions = {}, eventName = "Pameran Batik Nusantara") {
  const event = await makeEvent(db, organizationId, { name: `${eventName} ${Math.random().toString(36).slice(2, 6)}` });
  await setCall(db, event, options);
  for (const size of options.sizes ?? [{ sizeM2: 4, fee: "0" }, { sizeM2: 9, fee: "1500000" }]) {
    const added = await addBoothSize(db, event.id, { sizeM2: size.sizeM2, fee: size.fee, staffLimit: size.staffLimit ?? 2 });
    if (!added.ok) throw new Error(added.reason);
  }
  if (options.published !== false) await setEventPublished(db, event.id, true, new Date());
  return event;
}

/** Sets (or moves) the call window and sectors of an event through the same use-case as the settings page. */
export async function setCall(db: Db, event: { id: string; timeZone: string }, options: CallOptions) {
  const opens = instantToLocalParts(options.opensAt ?? new Date(Date.now() - 86_400_000), event.timeZone);
  const closes = instantToLocalParts(options.closesAt ?? new Date(Date.now() + 30 * 86_400_000), event.timeZone);
  const saved = await saveCall(db, event, {
    intent: "save-call", opensDay: opens.date, opensTime: opens.time, closesDay: closes.date, closesTime: closes.time,
    sectors: options.sectors ?? [], intro: "",
  });
  if (!saved.ok) throw new Error(saved.reason);
}

/** A small real PNG (a batik-brown square with a stripe), made with sharp. */
export function makePng(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 122, g: 62, b: 18 } } })
    .composite([{ input: { create: { width, height: Math.max(1, Math.floor(height / 4)), channels: 3, background: { r: 35, g: 57, b: 107 } } }, top: 0, left: 0 }])
    .png().toBuffer();
}

export function makeJpeg(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 160, b: 90 } } }).jpeg({ quality: 85 }).toBuffer();
}

/** A multipart POST as a browser sends a form with a file input. */
export function postMultipart(
  path: string,
  fields: Record<string, string>,
  files: Record<string, { data: Buffer; name: string; type: string }>,
  cookie?: string,
): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: cookie ? { cookie } : {} });
}
