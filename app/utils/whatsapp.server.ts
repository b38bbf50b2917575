// The WhatsApp Business Cloud API template endpoint (ecosystem.md §1.4): the one channel for notices people
// actually read. Disabled unless WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are set; tests mock it with msw.
import { getEnv } from "./env.server";

export function whatsappEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.WHATSAPP_TOKEN && env.WHATSAPP_PHONE_NUMBER_ID);
}

/**
 * The request body for a template message: `to` is E.164 without the `+`, the body parameters in order.
 *
 * @example whatsappTemplateBody({ phone: "+6281234567890", locale: "id", template: "badge_ready", params: ["Sari", "Pameran", url] })
 */
export function whatsappTemplateBody(m: { phone: string; locale: string; template: string; params: string[] }) {
  return {
    messaging_product: "whatsapp",
    to: m.phone.replace(/^\+/, ""),
    type: "template",
    template: {
      name: m.template,
      language: { code: m.locale === "en" ? "en" : "id" },
      components: [{ type: "body", parameters: m.params.map((text) => ({ type: "text", text })) }],
    },
  };
}

/** Sends one template message; returns the message id, throws on an API error (the outbox retries). */
export async function sendWhatsappTemplate(m: Parameters<typeof whatsappTemplateBody>[0]): Promise<string | null> {
  const env = getEnv();
  const response = await fetch(`https://graph.facebook.com/${env.WHATSAPP_API_VERSION}/${env.WHATSAPP_PHONE_NUMBER_ID}/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.WHATSAPP_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(whatsappTemplateBody(m)),
  });
  if (!response.ok) throw new Error(`WhatsApp API ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const body = (await response.json()) as { messages?: Array<{ id: string }> };
  return body.messages?.[0]?.id ?? null;
}
