import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { callPhase } from "~/exhibitors/call-rules";
import { getPublicCall } from "~/exhibitors/calls.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { getUser } from "~/utils/session.server";
import { formatDate, formatTime, zoneAbbrev } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Pendaftaran peserta pameran · ${data.event.name} · Pendopo` }] : [];

/** The public call for exhibitors of a published event: window, sectors, booth sizes and fees, and the way in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [db, user, locale] = await Promise.all([getDb(), getUser(request), getLocale(request)]);
  const found = await getPublicCall(db, params.slug ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const { event, call, sizes } = found;
  const when = (at: Date) => `${formatDate(at, event.timeZone, locale)}, ${formatTime(at, event.timeZone, locale)}`;
  const applyPath = `/exhibitor/apply/${event.slug}`;
  return {
    event: { slug: event.slug, name: event.name, organizerName: event.organizerName, city: event.city, zone: zoneAbbrev(event.timeZone) },
    call: call ? { phase: callPhase(call, new Date()), opens: when(call.opensAt), closes: when(call.closesAt), sectors: call.sectors, intro: call.intro } : null,
    sizes: sizes.map((s) => ({ sizeM2: s.sizeM2, fee: s.feeIdr === "0" ? null : formatRupiah(s.feeIdr, locale), staffLimit: s.staffLimit })),
    applyHref: user ? applyPath : `/signup?redirectTo=${encodeURIComponent(applyPath)}`,
    loginHref: `/login?redirectTo=${encodeURIComponent(applyPath)}`,
    signedIn: Boolean(user),
  };
}

export default function ExhibitCall() {
  const { event, call, sizes, applyHref, loginHref, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumbs"><Link to={`/e/${event.slug}`}>← {event.name}</Link></p>
      <section className="hero" style={{ paddingTop: ".5rem" }}>
        <p className="muted" style={{ margin: 0 }}>{t("public.organizer")}: {event.organizerName}{event.city ? ` · ${event.city}` : ""}</p>
        <h1 style={{ maxWidth: "none" }}>{t("exhibitors.call.public_title", { event: event.name })}</h1>
        {call ? (
          <>
            <p style={{ margin: 0 }}>
              <span className={`badge ${call.phase === "open" ? "badge-ok" : "badge-muted"}`}>{t(`exhibitors.call.phases.${call.phase}`)}</span>
            </p>
            <p style={{ margin: ".5rem 0" }}>{t("exhibitors.call.window", { opens: call.opens, closes: call.closes })}</p>
            {call.intro ? <p style={{ whiteSpace: "pre-wrap", maxWidth: "70ch" }}>{call.intro}</p> : null}
          </>
        ) : <p>{t("exhibitors.call.none")}</p>}
      </section>
      {call ? (
        <div className="grid grid-2 grid-top">
          <section className="card" aria-labelledby="sectors-heading">
            <h2 id="sectors-heading">{t("exhibitors.call.sectors")}</h2>
            {call.sectors.length === 0 ? <p style={{ margin: 0 }}>{t("exhibitors.call.all_sectors")}</p> : (
              <ul style={{ margin: 0 }}>{call.sectors.map((s) => <li key={s}>{t(`exhibitors.sectors.${s}`)}</li>)}</ul>
            )}
          </section>
          <section className="card" aria-labelledby="sizes-heading">
            <h2 id="sizes-heading">{t("exhibitors.call.sizes")}</h2>
            {sizes.length === 0 ? <p style={{ margin: 0 }}>{t("exhibitors.call.no_sizes")}</p> : (
              <table className="data">
                <thead><tr><th scope="col">{t("exhibitors.call.size")}</th><th scope="col">{t("exhibitors.call.fee")}</th><th scope="col">{t("exhibitors.call.staff")}</th></tr></thead>
                <tbody>
                  {sizes.map((s) => (
                    <tr key={s.sizeM2}>
                      <td>{t("exhibitors.call.size_label", { size: s.sizeM2 })}</td>
                      <td>{s.fee ?? <strong>{t("exhibitors.call.free")}</strong>}</td>
                      <td>{s.staffLimit}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      ) : null}
      {call?.phase === "open" ? (
        <section className="card" aria-labelledby="apply-heading">
          <h2 id="apply-heading">{t("exhibitors.call.how_title")}</h2>
          <p>{t("exhibitors.call.how")}</p>
          <div className="row">
            <Link className="btn" to={applyHref}>{t("exhibitors.call.apply")}</Link>
            {!signedIn ? <Link className="btn btn-secondary" to={loginHref}>{t("exhibitors.call.login_to_apply")}</Link> : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
