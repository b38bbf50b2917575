import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatRupiah } from "~/utils/money";

export type ProfileView = {
  businessName: string;
  brandName: string;
  ownerName: string;
  nib: string | null;
  umkmClass: string;
  sector: string;
  city: string;
  province: string;
  whatsapp: string | null;
  email: string;
  description: string;
  capacityQuantity: number | null;
  capacityUnit: string;
  exportExperience: string;
  certifications: Array<{ id: string; kind: string; number: string; issuer: string; validUntil: string | null }>;
  products: Array<{ id: string; name: string; description: string; priceIdr: string | null; photoUploadId: string | null }>;
};

function Item({ label, children }: { label: string; children: ReactNode }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

/** A product photo from the uploads route; a missing or broken photo shows a labelled placeholder. */
function ProductPhoto({ uploadId, name }: { uploadId: string | null; name: string }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (!uploadId || broken) return <div className="no-photo" role="img" aria-label={t("curation.detail.photo_alt", { name })}>{t("curation.detail.no_photo")}</div>;
  return (
    <img src={`/uploads/${uploadId}/thumb`} alt={t("curation.detail.photo_alt", { name })} loading="lazy" width={320} height={320}
      onError={() => setBroken(true)} />
  );
}

/** The business profile as a curator reads it: who, where, what they make, and their papers. */
export function BusinessProfile({ profile, locale }: { profile: ProfileView; locale: "id" | "en" }) {
  const { t } = useTranslation();
  const none = t("curation.none");
  const waLink = profile.whatsapp ? `https://wa.me/${profile.whatsapp.replace(/^\+/, "")}` : null;
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("curation.detail.profile")}</h2>
      <dl className="profile-grid">
        <Item label={t("curation.detail.brand")}>{profile.brandName || none}</Item>
        <Item label={t("curation.detail.owner")}>{profile.ownerName}</Item>
        <Item label={t("curation.detail.nib")}>{profile.nib ?? none}</Item>
        <Item label={t("curation.detail.class")}>{t(`curation.classes.${profile.umkmClass}`)}</Item>
        <Item label={t("curation.detail.sector")}>{t(`curation.sectors.${profile.sector}`)}</Item>
        <Item label={t("curation.detail.region")}>{profile.city}, {profile.province}</Item>
        <Item label={t("curation.detail.whatsapp")}>{waLink ? <a href={waLink} rel="noreferrer">{profile.whatsapp}</a> : none}</Item>
        <Item label={t("curation.detail.email")}>{profile.email}</Item>
        <Item label={t("curation.detail.capacity")}>
          {profile.capacityQuantity ? t("curation.detail.capacity_value", { quantity: profile.capacityQuantity.toLocaleString(locale === "en" ? "en-US" : "id-ID"), unit: profile.capacityUnit }) : none}
        </Item>
        <Item label={t("curation.detail.export")}><span className="long-text">{profile.exportExperience || t("curation.detail.no_export")}</span></Item>
      </dl>
      {profile.description ? <><h3 style={{ marginTop: "1rem" }}>{t("curation.detail.description")}</h3><p className="long-text">{profile.description}</p></> : null}
      <h3 style={{ marginTop: "1rem" }}>{t("curation.detail.certifications")}</h3>
      {profile.certifications.length === 0 ? <p className="muted">{t("curation.detail.no_certifications")}</p> : (
        <ul>
          {profile.certifications.map((c) => (
            <li key={c.id}>
              <strong>{t(`curation.certifications.${c.kind}`)}</strong>
              {c.number ? ` ${c.number}` : ""}{c.issuer ? ` · ${c.issuer}` : ""}
              {c.validUntil ? <span className="muted small"> · {t("curation.detail.valid_until", { date: c.validUntil })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3 style={{ marginTop: "1rem" }}>{t("curation.detail.products")}</h3>
      {profile.products.length === 0 ? <p className="muted">{t("curation.detail.no_products")}</p> : (
        <ul className="products">
          {profile.products.map((p) => (
            <li key={p.id}>
              <ProductPhoto uploadId={p.photoUploadId} name={p.name} />
              <div className="product-text">
                <strong>{p.name}</strong>
                {p.priceIdr !== null ? <><br /><span className="small">{formatRupiah(p.priceIdr, locale)}</span></> : null}
                {p.description ? <><br /><span className="muted small">{p.description}</span></> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
