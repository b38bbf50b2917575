import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listSessions, revokeSessions } from "~/accounts/accounts.server";
import { SubmitButton } from "~/components/forms";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { formatDate, formatTime } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Akun · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request);
  const sessions = await listSessions(await getDb(), user.id, new Date());
  return {
    user: { name: user.name, email: user.email },
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === user.sessionId,
      device: s.userAgent,
      started: `${formatDate(s.createdAt, "Asia/Jakarta", locale)}, ${formatTime(s.createdAt, "Asia/Jakarta", locale)}`,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const count = await revokeSessions(db, user.id, user.sessionId);
  await audit(db, { action: "sessions.revoked", actorUserId: user.id, data: { count }, request });
  return redirectWithToast("/account", { type: "success", key: "account.signed_out_others", params: { count } });
}

/** "Chrome" and "Android" from a user agent: enough to recognise one's own devices, without the noise. */
function describeDevice(ua: string): { browser: string | null; os: string | null } {
  const browser = /Edg\//.test(ua) ? "Edge" : /OPR\//.test(ua) ? "Opera" : /SamsungBrowser/.test(ua) ? "Samsung Internet"
    : /Firefox\//.test(ua) ? "Firefox" : /Chrome\/|CriOS/.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad|iPod/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /CrOS/.test(ua) ? "ChromeOS" : /Linux/.test(ua) ? "Linux" : null;
  return { browser, os };
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header"><h1>{t("account.title")}</h1></div>
      <section className="card">
        <p style={{ margin: 0 }}><strong>{user.name}</strong></p>
        <p className="muted" style={{ margin: 0 }}>{user.email}</p>
      </section>
      <section className="card">
        <h2>{t("account.sessions")}</h2>
        <p className="muted">{t("account.sessions_intro")}</p>
        <ul className="item-list">
          {sessions.map((s) => {
            const { browser, os } = describeDevice(s.device ?? "");
            const device = browser && os ? t("account.device", { browser, os }) : browser ?? os ?? t("account.unknown_device");
            return (
              <li key={s.id}>
                <span>
                  <strong title={s.device ?? undefined}>{device}</strong>
                  {s.current ? <span className="badge" style={{ marginLeft: ".5rem" }}>{t("account.this_device")}</span> : null}
                  <br /><span className="muted small">{t("account.started")} {s.started}</span>
                </span>
              </li>
            );
          })}
        </ul>
        <Form method="post">
          <SubmitButton className="btn btn-secondary">{t("account.sign_out_everywhere")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
