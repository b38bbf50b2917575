import { GeneralErrorBoundary } from "~/components/error-boundary";

/**
 * Any URL no other route matches. Throwing the 404 from a matched route (instead of letting Remix
 * short-circuit) runs the root loader, so the not-found page keeps the visitor's language, the
 * signed-in header and the toast.
 */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export const ErrorBoundary = GeneralErrorBoundary;
