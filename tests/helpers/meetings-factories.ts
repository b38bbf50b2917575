import type { Db } from "../../db/index";
import type { BuyerProfileInput, SettingsInput } from "~/meetings/matchmaking.schema";
import { findParticipant, saveBuyerProfile, type Participant } from "~/meetings/participants.server";
import { addBlock, saveSettings } from "~/meetings/settings.server";
import { makeApplication, makeBusiness, makeProduct, type BusinessSpec } from "./curation-factories";
import { makeAccount, makeEvent } from "./factories";

/** Matchmaking settings as the organizer form posts them (open, live, 10 tables); override any field. */
export function settingsInput(overrides: Partial<SettingsInput> = {}): SettingsInput {
  return {
    intent: "save-settings", enabled: true, mode: "live", openRequestLimit: 10, allowBuyerBuyer: false, allowSellerSeller: false,
    deadlineDay: undefined, deadlineTime: undefined, locationKind: "tables", tableCount: 10, ...overrides,
  };
}

/**
 * A published-or-not event (20–22 Nov 2026, WIB by default) with matchmaking open and one grid block on the first
 * day: 09.00–10.00, 20-minute slots (3 slots) unless told otherwise.
 */
export async function makeMatchEvent(db: Db, organizationId: string, opts: {
  settings?: Partial<SettingsInput>; block?: { startTime?: string; endTime?: string; slotMinutes?: number; breaks?: string } | null;
  event?: Parameters<typeof makeEvent>[2];
} = {}) {
  const event = await makeEvent(db, organizationId, { name: `Temu Bisnis ${Math.random().toString(36).slice(2, 6)}`, ...opts.event });
  await saveSettings(db, event, settingsInput(opts.settings));
  if (opts.block !== null) {
    const added = await addBlock(db, event, {
      intent: "add-block", day: event.firstDay, startTime: "09:00", endTime: "10:00", slotMinutes: 20, breaks: "", ...opts.block,
    });
    if (!added.ok) throw new Error(added.reason);
  }
  return event;
}

/** An accepted exhibitor of the event as a seller participant (with products, when given). */
export async function makeSeller(db: Db, eventId: string, spec: BusinessSpec & { products?: string[] } = {}): Promise<Participant> {
  const business = await makeBusiness(db, spec);
  await makeApplication(db, eventId, business.id, { status: "accepted" });
  for (const [sort, name] of (spec.products ?? []).entries()) await makeProduct(db, business.id, { name, sort });
  const participant = await findParticipant(db, eventId, business.ownerUserId);
  if (!participant) throw new Error("seller not found");
  return participant;
}

/** A valid buyer profile (a Solo hotel looking for tenun ikat); override any field. */
export function buyerInput(overrides: Partial<BuyerProfileInput> = {}): BuyerProfileInput {
  return {
    organization: "Hotel Solo Indah", buyerType: "horeka", sectors: ["tenun_ikat"], productsSought: "selendang tenun ikat untuk suvenir tamu",
    orderVolume: 200, orderUnit: "lembar", city: "Surakarta", country: "ID", province: "", whatsapp: "0812-3456-7890", whatsappOptIn: false,
    email: `buyer.${Math.random().toString(36).slice(2, 7)}@hotel.test`, ...overrides,
  };
}

/** A signed-in account registered as a buyer of the event. */
export async function makeBuyer(db: Db, eventId: string, name = "Pembeli", overrides: Partial<BuyerProfileInput> = {}) {
  const user = await makeAccount(db, name);
  const saved = await saveBuyerProfile(db, eventId, user.id, buyerInput({ organization: name, email: user.email, ...overrides }));
  if (!saved.ok) throw new Error(saved.reason);
  const participant = await findParticipant(db, eventId, user.id);
  return { user, participant: participant! };
}
