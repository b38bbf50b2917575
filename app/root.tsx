import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { Toast } from "./components/ui";
import stylesUrl from "./styles/app.css";
import { getFixedT, getLocale } from "./utils/i18n.server";
import { useNonce } from "./utils/nonce";
import { getUser } from "./utils/session.server";
import { getToast } from "./utils/toast.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, { toast, headers }] = await Promise.all([getLocale(request), getUser(request), getToast(request)]);
  const t = await getFixedT(locale);
  return data(
    {
      locale,
      user: user ? { name: user.name, email: user.email } : null,
      toast: toast ? { type: toast.type, message: t(toast.key, toast.params) as string } : null,
    },
    { headers },
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const { i18n } = useTranslation();
  // Without root data (an error thrown before the root loader ran) the request's language still holds.
  const locale = rootData?.locale ?? (i18n.language === "en" ? "en" : "id");
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#7a3e12" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function LanguageSwitch({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" className="lang-switch" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="locale" value="id" aria-pressed={locale === "id"} lang="id">ID</button>
      <button type="submit" name="locale" value="en" aria-pressed={locale === "en"} lang="en">EN</button>
    </Form>
  );
}

function SiteChrome({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const user = rootData?.user;
  return (
    <>
      <a className="skip-link" href="#main">{t("nav.skip")}</a>
      <header className="site-header">
        <div className="inner">
          <Link to={user ? "/dashboard" : "/"} className="brand">
            <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true"><path fill="#fff" d="M16 3 2 13h4v14h20V13h4L16 3Zm-6 22V13h12v12h-3v-7h-6v7h-3Z" /></svg>
            Pendopo
          </Link>
          <nav className="site-nav" aria-label={t("nav.menu")}>
            {user ? (
              <>
                <Link to="/dashboard">{t("nav.dashboard")}</Link>
                <Link to="/account">{t("nav.account")}</Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="linklike">{t("nav.logout")}</button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login">{t("nav.login")}</Link>
                <Link to="/signup">{t("nav.signup")}</Link>
              </>
            )}
            <LanguageSwitch locale={rootData?.locale ?? "id"} />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Toast toast={rootData?.toast ?? null} />
        {children}
      </main>
      <footer className="site-footer">
        <div className="inner">
          <span>Pendopo · {t("app.tagline")}</span>
          <Link to="/help">{t("nav.help")}</Link>
        </div>
      </footer>
    </>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  // A route with `handle: { bare: true }` (the full-screen gate scanner) renders without header and footer.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (bare) return <main id="main" className="bare"><Outlet /></main>;
  return (
    <SiteChrome>
      <Outlet />
    </SiteChrome>
  );
}

export function ErrorBoundary() {
  return (
    <SiteChrome>
      <GeneralErrorBoundary />
    </SiteChrome>
  );
}
