// One person in the directory or the recommendations: who they are, why they fit, and the request button.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FitReason } from "./recommend";
import { FitReasons, RequestStatus } from "./ui";

export type CardPerson = {
  id: string; kind: "buyer" | "seller"; name: string | null; city: string | null; province: string | null; country: string;
  sector: string | null; umkmClass: string | null; capacityQuantity: number | null; capacityUnit: string | null;
  buyerType: string | null; productsSought: string; productNames: string[]; certifications: string[]; boothCode: string | null;
};

export function ParticipantCard({ person, reasons, viewer, existing, canRequest }: {
  person: CardPerson; reasons?: FitReason[]; viewer: "buyer" | "seller" | null; existing?: string; canRequest: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `p-${person.id}`;
  const place = [person.city, person.kind === "buyer" && person.country !== "ID" ? person.country : person.province].filter(Boolean).join(", ");
  return (
    <li className="match-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{person.name}</h3>
      <p className="small muted">
        {t(`meetings.kinds.${person.kind}`)}
        {person.sector ? ` · ${t(`exhibitors.sectors.${person.sector}`)}` : ""}
        {person.umkmClass ? ` · ${t(`exhibitors.umkm_classes.${person.umkmClass}`)}` : ""}
        {person.buyerType ? ` · ${t(`meetings.buyer_types.${person.buyerType}`)}` : ""}
        {place ? ` · ${place}` : ""}
        {person.boothCode ? ` · ${t("meetings.directory.booth", { code: person.boothCode })}` : ""}
      </p>
      {person.kind === "seller" && person.productNames.length ? <p className="small">{person.productNames.slice(0, 4).join(", ")}</p> : null}
      {person.kind === "buyer" && person.productsSought ? <p className="small">{t("meetings.directory.seeks", { what: person.productsSought })}</p> : null}
      {person.capacityQuantity ? <p className="small">{t("meetings.directory.capacity", { quantity: person.capacityQuantity.toLocaleString("id-ID"), unit: person.capacityUnit })}</p> : null}
      {person.certifications.length ? (
        <p className="small">{person.certifications.map((c) => <span key={c} className="badge badge-muted" style={{ marginRight: ".3rem" }}>{t(`exhibitors.cert_kinds.${c}`)}</span>)}</p>
      ) : null}
      {reasons && viewer ? <FitReasons reasons={reasons} viewer={viewer} /> : null}
      <div className="match-actions">
        {existing ? <p className="small">{t("meetings.directory.already", { status: "" })}<RequestStatus status={existing} /></p> : canRequest ? (
          <details>
            <summary className="btn btn-small" role="button">{t("meetings.directory.request")}</summary>
            <Form method="post" className="stack" style={{ marginTop: ".5rem" }}>
              <input type="hidden" name="intent" value="send-request" />
              <input type="hidden" name="toId" value={person.id} />
              <div className="field">
                <label htmlFor={`msg-${person.id}`}>{t("meetings.fields.message")}</label>
                <p className="hint" id={`msg-${person.id}-hint`}>{t("meetings.fields.message_hint")}</p>
                <textarea id={`msg-${person.id}`} name="message" maxLength={300} aria-describedby={`msg-${person.id}-hint`} />
              </div>
              <button type="submit" className="btn btn-small">{t("meetings.request.send")}</button>
            </Form>
          </details>
        ) : null}
      </div>
    </li>
  );
}
