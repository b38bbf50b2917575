import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setUserLocale } from "~/accounts/accounts.server";
import { getDb } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/misc";
import { getUser } from "~/utils/session.server";

export const loader = () => redirect("/");

/** Switches the language for this browser, and for the account when signed in (remembered everywhere). */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(to);
  const user = await getUser(request);
  if (user) await setUserLocale(await getDb(), user.id, locale);
  return redirect(to, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
