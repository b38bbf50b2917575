import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** One error page for every route: 404 and 403 in plain words, anything else without a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t("errors.server_title");
  let message = t("errors.server");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) [title, message] = [t("errors.not_found_title"), t("errors.not_found")];
    else if (error.status === 403) [title, message] = [t("errors.forbidden_title"), t("errors.forbidden")];
    else if (error.status === 503) message = t("errors.db_down");
  }
  return (
    <div className="card narrow" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
      <Link className="btn" to="/">{t("errors.home")}</Link>
    </div>
  );
}
