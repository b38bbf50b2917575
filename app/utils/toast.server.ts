import { createCookie, redirect } from "@remix-run/node";

export type ToastInput = { type: "success" | "error"; key: string; params?: Record<string, string | number> };

// A one-shot message shown after a redirect (flash); it holds an i18n key, never HTML.
const toastCookie = createCookie("toast", { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 });

export async function redirectWithToast(url: string, toast: ToastInput, init?: ResponseInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await toastCookie.serialize(toast));
  return redirect(url, { ...init, headers });
}

export async function getToast(request: Request): Promise<{ toast: ToastInput | null; headers: Headers }> {
  const value = await toastCookie.parse(request.headers.get("cookie"));
  const headers = new Headers();
  if (!value) return { toast: null, headers };
  headers.append("Set-Cookie", await toastCookie.serialize("", { maxAge: 0 }));
  const valid = typeof value === "object" && (value.type === "success" || value.type === "error") && typeof value.key === "string";
  return { toast: valid ? (value as ToastInput) : null, headers };
}
