import { useTranslation } from "react-i18next";
import { ScoreText } from "./bits";

type Review = {
  curatorUserId: string;
  curatorName: string;
  weighted: number | undefined;
  complete: boolean;
  updated: string;
  scores: Array<{ criterionId: string; score: number; comment: string }>;
};

/** Every curator's scores and notes, one small table each (criterion, score, note), the mean on top. */
export function Reviews({ reviews, criteria, average, curators, me }: {
  reviews: Review[];
  criteria: Array<{ id: string; name: string }>;
  average: number | undefined;
  curators: number;
  me: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t("curation.reviews.heading")}</h2>
      {reviews.length === 0 ? <p className="muted">{t("curation.reviews.none")}</p> : (
        <>
          {average !== undefined ? <p><strong>{t("curation.reviews.average", { score: average, count: curators })}</strong></p> : null}
          {reviews.map((r) => (
            <div key={r.curatorUserId} className="review">
              <h3>
                <span>{r.curatorName} {r.curatorUserId === me ? <span className="muted small">{t("curation.reviews.you")}</span> : null}</span>
                <span className="small">{t("curation.reviews.weighted")}: <ScoreText score={r.weighted} partial={r.weighted !== undefined && !r.complete} /></span>
                <span className="muted small">{r.updated}</span>
              </h3>
              <div className="table-wrap">
                <table className="data responsive">
                  <caption className="visually-hidden">{`${t("curation.reviews.curator")}: ${r.curatorName}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("curation.summary.criterion")}</th>
                      <th scope="col" className="num">{t("curation.reviews.score")}</th>
                      <th scope="col">{t("curation.reviews.note")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {criteria.map((c) => {
                      const s = r.scores.find((x) => x.criterionId === c.id);
                      return (
                        <tr key={c.id}>
                          <td data-label={t("curation.summary.criterion")}>{c.name}</td>
                          <td data-label={t("curation.reviews.score")} className="num">
                            {s ? <><strong>{s.score}</strong> <span className="muted small">{t(`curation.scoring.scale.${s.score}`)}</span></> : t("curation.none")}
                          </td>
                          <td data-label={t("curation.reviews.note")} className="long-text">{s?.comment ?? ""}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
