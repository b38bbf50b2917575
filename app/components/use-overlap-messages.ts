import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";

/** Server errors like "agenda.overlap|Pembukaan" carry the clashing session's title: translate them here. */
export function useOverlapMessages(result: SubmissionResult<string[]> | undefined) {
  const { t } = useTranslation();
  if (!result?.error) return result;
  const error = Object.fromEntries(
    Object.entries(result.error).map(([field, messages]) => [
      field,
      messages?.map((m) => {
        if (!m.includes("|")) return m;
        const [key, title] = m.split("|");
        return title ? t(key!, { title }) : t("agenda.overlap_unknown");
      }) ?? null,
    ]),
  );
  return { ...result, error };
}
