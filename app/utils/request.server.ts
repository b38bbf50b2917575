/**
 * The client's address for rate limits and the audit log. X-Forwarded-For is believed only when
 * TRUST_PROXY=1 says a proxy we run sets it; otherwise anyone could spoof it to dodge a limit.
 */
export function clientIp(request: Request): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded ? forwarded.split(",")[0]!.trim().slice(0, 64) : null;
}

export function userAgent(request: Request): string | null {
  return request.headers.get("user-agent")?.slice(0, 300) ?? null;
}
