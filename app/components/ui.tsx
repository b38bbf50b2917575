import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A destructive action behind a second, explicit confirmation; works without JavaScript (<details>). */
export function ConfirmAction({ label, intent, fields, confirmText }: {
  label: string;
  intent: string;
  fields?: Record<string, string>;
  confirmText?: string;
}) {
  const { t } = useTranslation();
  return (
    <details className="confirm">
      <summary className="btn btn-secondary btn-small" role="button">{label}</summary>
      <div className="confirm-box">
        <p style={{ margin: "0 0 .5rem" }}>{confirmText ?? t("common.are_you_sure")}</p>
        <Form method="post" className="row">
          <input type="hidden" name="intent" value={intent} />
          {Object.entries(fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="btn btn-danger btn-small">{t("common.confirm_delete")}</button>
        </Form>
      </div>
    </details>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.page_of", { page, pages })}>
      {page > 1 ? <Link className="btn btn-secondary btn-small" to={href(page - 1)}>{t("common.previous")}</Link> : null}
      <span>{t("common.page_of", { page, pages })}</span>
      {page < pages ? <Link className="btn btn-secondary btn-small" to={href(page + 1)}>{t("common.next")}</Link> : null}
    </nav>
  );
}

export function Toast({ toast }: { toast: { type: "success" | "error"; message: string } | null }) {
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.type}`} role="status">{toast.message}</div>
  );
}

export function Tabs({ items, label }: { items: Array<{ to: string; label: string; active: boolean }>; label: string }) {
  const nav = useRef<HTMLElement>(null);
  const active = items.findIndex((i) => i.active);
  // On a phone the tab row scrolls sideways: bring the current tab into view (the later tabs start off-screen).
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>("[aria-current=page]");
    if (nav.current && current) nav.current.scrollLeft = current.offsetLeft - nav.current.offsetLeft - 24;
  }, [active]);
  return (
    <nav className="tabs" aria-label={label} ref={nav}>
      {items.map((item) => (
        <Link key={item.to} to={item.to} aria-current={item.active ? "page" : undefined}>{item.label}</Link>
      ))}
    </nav>
  );
}

/** The pill row of a section's pages (gates, deals): a labelled nav whose current page is marked for screen readers. */
export function SubNav({ items, label }: { items: Array<{ to: string; label: string; active: boolean }>; label: string }) {
  return (
    <nav className="booth-subnav" aria-label={label}>
      {items.map((i) => <Link key={i.to} to={i.to} aria-current={i.active ? "page" : undefined}>{i.label}</Link>)}
    </nav>
  );
}
