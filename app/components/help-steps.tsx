// The body of the static help pages: a title, an optional intro and numbered steps in the reader's language.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type HelpSteps = { id: ReadonlyArray<readonly [string, string]>; en: ReadonlyArray<readonly [string, string]> };

export function HelpPage({ title, intro, steps, children }: { title: string; intro?: string; steps: HelpSteps; children?: ReactNode }) {
  const { i18n } = useTranslation();
  const list = steps[i18n.language === "en" ? "en" : "id"];
  return (
    <div className="card" style={{ maxWidth: 760 }}>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      <ol className="stack">
        {list.map(([step, body]) => <li key={step}><strong>{step}.</strong> {body}</li>)}
      </ol>
      {children}
    </div>
  );
}
