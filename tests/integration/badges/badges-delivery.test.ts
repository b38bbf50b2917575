import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as holderPage from "~/routes/badge.$token";
import * as holderPdf from "~/routes/badge.$token_.pdf";
import { actOnBadge, createBadge, getDeliveryEvent, type BadgeCtx } from "~/badges/badge-actions.server";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff } from "../../helpers/factories";
import { decodePdf, decodePng } from "../../helpers/badges-qr";
import { startSmtpSink } from "../../helpers/smtp";

const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let ctx: BadgeCtx;
const GRAPH = "https://graph.facebook.com/v21.0/1234567890/messages";
const waRequests: unknown[] = [];
const mock = setupServer(http.post(GRAPH, async ({ request }) => {
  expect(request.headers.get("authorization")).toBe("Bearer test-wa-token");
  waRequests.push(await request.json());
  return HttpResponse.json({ messaging_product: "whatsapp", contacts: [{ input: "6281234567890", wa_id: "6281234567890" }], messages: [{ id: "wamid.TEST1" }] });
}));
const person = { kind: "buyer" as const, holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", email: "sari@batik.test", phone: "0812-3456-7890", locale: "id" as const, whatsappOptIn: false };

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: "error" });
  smtp = await startSmtpSink();
  const a = await makeOrgWithStaff(t.db, "Kadin Kirim");
  const event = await makeEvent(t.db, a.org.id, { slug: "pameran-kirim", name: "Pameran Batik Nusantara" });
  ctx = { event: (await getDeliveryEvent(t.db, event.id))!, by: a.staff.owner.id, now: new Date() };
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.WHATSAPP_TOKEN;
  delete process.env.WHATSAPP_PHONE_NUMBER_ID;
  waRequests.length = 0;
});
afterAll(async () => {
  mock.close();
  await smtp.close();
});

async function deliver() {
  process.env.SMTP_URL = smtp.url;
  await drainOutbox(t.db);
}

describe("badge delivery", () => {
  it("the email carries the QR inline as a PNG (cid) and the A6 PDF; both decode to the badge's QR text", async () => {
    const res = await createBadge(t.db, ctx, person, { sendEmail: true });
    if (!res.ok) throw new Error(res.reason);
    await deliver();
    const [mail] = smtp.to("sari@batik.test");
    expect(mail!.subject).toBe("Badge Anda untuk Pameran Batik Nusantara");
    const png = mail!.attachments.find((a) => a.contentType === "image/png")!;
    const pdf = mail!.attachments.find((a) => a.contentType === "application/pdf")!;
    expect(png.cid).toBe("badge-qr");
    // mailparser swaps the cid: reference for the inline image itself when the html refers to it.
    expect(png.related).toBe(true);
    expect(png.contentDisposition).toBe("inline");
    expect(mail!.html).toContain(`/badge/${res.value.qr}`);
    expect(mail!.text).toContain(res.value.shortCode);
    expect(await decodePng(png.content)).toEqual({ zbar: [res.value.qr], jsqr: res.value.qr });
    expect(decodePdf(pdf.content)).toEqual([res.value.qr]);
  });

  it("an email still queued when the badge is reissued goes out with the new code; one for a badge revoked meanwhile is not sent", async () => {
    const res = await createBadge(t.db, ctx, { ...person, holderName: "Rudi Hartono", email: "rudi@batik.test" }, { sendEmail: true });
    if (!res.ok) throw new Error(res.reason);
    // Reissued before the outbox ran (e.g. while the mail server was down), without asking for another email.
    const again = await actOnBadge(t.db, ctx, res.value.badge.id, { intent: "reissue", sendEmail: false });
    expect(again).toMatchObject({ ok: true, value: "reissue" });
    const revoked = await createBadge(t.db, ctx, { ...person, holderName: "Tono Sugiarto", email: "tono@batik.test" }, { sendEmail: true });
    if (!revoked.ok) throw new Error(revoked.reason);
    expect(await actOnBadge(t.db, ctx, revoked.value.badge.id, { intent: "revoke", reason: "Data ganda" })).toMatchObject({ ok: true });
    await deliver();
    const mails = smtp.to("rudi@batik.test");
    expect(mails).toHaveLength(1);
    const png = mails[0]!.attachments.find((a) => a.contentType === "image/png")!;
    const current = (await decodePng(png.content)).jsqr;
    expect(current).not.toBe(res.value.qr);
    expect(mails[0]!.html).toContain(`/badge/${current}`);
    expect(smtp.to("tono@batik.test")).toHaveLength(0);
  });

  it("an English holder gets the email in English", async () => {
    const res = await createBadge(t.db, ctx, { ...person, holderName: "John Smith", email: "john@buyer.test", locale: "en" }, { sendEmail: true });
    expect(res.ok).toBe(true);
    await deliver();
    expect(smtp.to("john@buyer.test")[0]!.subject).toBe("Your badge for Pameran Batik Nusantara");
  });

  it("the holder page opens with the signed code, shows the badge, offers the PDF, and stops working once the code is reissued", async () => {
    const res = await createBadge(t.db, ctx, { ...person, holderName: "Dewi Lestari", email: null, phone: "" }, { sendEmail: false });
    if (!res.ok) throw new Error(res.reason);
    const page = await callRoute(holderPage.loader, get(`/badge/${res.value.qr}`), { token: res.value.qr });
    const body = page.body as { badge: { holderName: string; shortCode: string; word: string; days: string }; qrImage: string; pdfUrl: string };
    expect(body.badge).toMatchObject({ holderName: "Dewi Lestari", shortCode: res.value.shortCode, word: "PEMBELI", days: "20–22 November 2026" });
    expect(await decodePng(Buffer.from(body.qrImage.split(",")[1]!, "base64"))).toMatchObject({ jsqr: res.value.qr });
    const pdf = await callRoute(holderPdf.loader, get(body.pdfUrl), { token: res.value.qr });
    expect(decodePdf(Buffer.from(await pdf.response!.arrayBuffer()))).toEqual([res.value.qr]);

    const forged = res.value.qr.slice(0, -4) + (res.value.qr.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const token of [forged, res.value.badge.id, "P1", "x".repeat(500)]) {
      expect((await callRoute(holderPage.loader, get(`/badge/${token}`), { token })).status).toBe(404);
    }
    const again = await actOnBadge(t.db, ctx, res.value.badge.id, { intent: "reissue", sendEmail: false });
    expect(again.ok).toBe(true);
    expect((await callRoute(holderPage.loader, get(`/badge/${res.value.qr}`), { token: res.value.qr })).status).toBe(404);
  });

  it("a holder who opted in gets a WhatsApp template notice with the Cloud API request shape", async () => {
    process.env.WHATSAPP_TOKEN = "test-wa-token";
    process.env.WHATSAPP_PHONE_NUMBER_ID = "1234567890";
    const res = await createBadge(t.db, ctx, { ...person, holderName: "Rina Kusuma", email: null, whatsappOptIn: true }, { sendEmail: false });
    if (!res.ok) throw new Error(res.reason);
    await deliver();
    expect(waRequests).toEqual([{
      messaging_product: "whatsapp", to: "6281234567890", type: "template",
      template: { name: "badge_ready", language: { code: "id" }, components: [{ type: "body", parameters: [
        { type: "text", text: "Rina Kusuma" }, { type: "text", text: "Pameran Batik Nusantara" }, { type: "text", text: `http://localhost:3000/badge/${res.value.qr}` },
      ] }] },
    }]);
    const sent = await t.db.selectFrom("auditLog").select("data").where("action", "=", "badge.whatsapp_sent").where("entityId", "=", res.value.badge.id).execute();
    expect(JSON.stringify(sent[0]!.data)).toContain("wamid.TEST1");
    // Running the same job again sends nothing more.
    await t.db.updateTable("outbox").set({ status: "pending", runAfter: new Date(0) }).where("kind", "=", "badge-whatsapp").execute();
    await deliver();
    expect(waRequests).toHaveLength(1);
  });

  it("no WhatsApp request without an opt-in, and none at all when WhatsApp is not configured", async () => {
    process.env.WHATSAPP_TOKEN = "test-wa-token";
    process.env.WHATSAPP_PHONE_NUMBER_ID = "1234567890";
    await createBadge(t.db, ctx, { ...person, holderName: "Tanpa Izin", email: null, whatsappOptIn: false }, { sendEmail: false });
    delete process.env.WHATSAPP_TOKEN;
    await createBadge(t.db, ctx, { ...person, holderName: "Tanpa Konfigurasi", email: null, whatsappOptIn: true }, { sendEmail: false });
    await deliver();
    expect(waRequests).toEqual([]);
    expect(await t.db.selectFrom("outbox").select("id").where("kind", "=", "badge-whatsapp").where("status", "=", "pending").execute()).toEqual([]);
  });
});
