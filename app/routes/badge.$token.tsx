import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import badgeStyles from "~/badges/badges.css";
import { getHolderBadge } from "~/badges/badge-holder.server";
import { BADGE_KIND_COLOURS } from "~/badges/badge-pdf.server";
import { eventDaysText, KIND_WORDS } from "~/badges/badge-words";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: badgeStyles }];
// The path is a bearer code: keep it out of search engines and other sites' referrer logs.
export const meta: MetaFunction = () => [{ title: "Badge · Pendopo" }, { name: "robots", content: "noindex" }, { name: "referrer", content: "no-referrer" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const badge = await getHolderBadge(await getDb(), params.token ?? "");
  if (!badge) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const live = badge.status === "valid" || badge.status === "pending";
  return {
    badge: {
      holderName: badge.holderName, organizationName: badge.organizationName, kind: badge.kind, status: badge.status, shortCode: badge.shortCode,
      eventName: badge.eventName, days: eventDaysText(badge.firstDay, badge.lastDay, locale),
      place: [badge.venueName, badge.address, badge.city].filter(Boolean).join(", "),
      colour: BADGE_KIND_COLOURS[badge.kind], word: KIND_WORDS[badge.kind],
    },
    qrImage: live ? await QRCode.toDataURL(badge.qr, { errorCorrectionLevel: "M", margin: 4, scale: 8 }) : null,
    pdfUrl: live ? `/badge/${badge.qr}/pdf` : null,
  };
}

/** The holder's badge on the phone: the QR large, the short code, who, what, when and where, and the PDF. */
export default function HolderBadge() {
  const { badge, qrImage, pdfUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <div className="holder">
      {params.get("welcome") === "1" ? <p className="notice" role="status">{t("badges.holder.welcome")}</p> : null}
      {badge.status === "revoked" || badge.status === "blocked" ? <p className="notice notice-warn" role="alert">{t(`badges.holder.${badge.status}`)}</p> : null}
      <article className="holder-card" aria-labelledby="holder-name">
        <div className="holder-band" style={{ background: badge.colour }}>{badge.word}</div>
        <div className="inner">
          <p className="muted small" style={{ margin: 0 }}>{badge.eventName}</p>
          <h1 id="holder-name">{badge.holderName}</h1>
          {badge.organizationName ? <p style={{ margin: 0 }}>{badge.organizationName}</p> : null}
          {qrImage ? <img src={qrImage} alt={t("badges.holder.qr_alt")} width={360} height={360} /> : null}
          <span className="code" aria-label={t("badges.holder.short_code")}>{badge.shortCode}</span>
          <p className="small muted" style={{ margin: 0 }}>{t("badges.holder.show")}</p>
        </div>
      </article>
      <section className="card holder-note">
        <dl className="facts">
          <div><dt>{t("badges.fields.kind")}</dt><dd>{t(`badges.kinds.${badge.kind}`)}</dd></div>
          <div><dt>{t("badges.holder.dates")}</dt><dd>{badge.days}</dd></div>
          {badge.place ? <div><dt>{t("badges.holder.venue")}</dt><dd>{badge.place}</dd></div> : null}
        </dl>
        {pdfUrl ? <p><a className="btn" href={pdfUrl} download>{t("badges.holder.pdf")}</a></p> : null}
        <p className="small muted">{t("badges.email.keep")}</p>
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
