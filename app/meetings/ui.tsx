// Small pieces the matchmaking pages share: the fit reasons and a request status badge.
import { useTranslation } from "react-i18next";
import type { FitReason } from "./recommend";

/** "Anda mencari tenun ikat; mereka memproduksi 300 lembar/bulan" from the perspective of the viewer. */
export function FitReasons({ reasons, viewer }: { reasons: FitReason[]; viewer: "buyer" | "seller" }) {
  const { t } = useTranslation();
  const text = reasons.map((r) => {
    const key = `meetings.reasons.${viewer}.${r.kind}`;
    if (r.kind === "sector") return t(key, { what: t(`exhibitors.sectors.${r.sector}`).toLowerCase() });
    if (r.kind === "product") return t(key, { what: r.term });
    if (r.kind === "capacity") return t(key, { quantity: r.quantity.toLocaleString("id-ID"), unit: r.unit });
    return t(key, { province: r.province });
  });
  if (text.length === 0) return null;
  const sentence = text.join("; ");
  return <p className="match-reason">{sentence.charAt(0).toUpperCase() + sentence.slice(1)}</p>;
}

export function RequestStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === "accepted" ? "badge-ok" : status === "requested" ? "" : "badge-muted";
  return <span className={`badge ${tone}`}>{t(`meetings.request_statuses.${status}`)}</span>;
}
