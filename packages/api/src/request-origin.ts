/**
 * Cross-site request forgery defence for cookie-authenticated mutations. A
 * browser attaches the session cookie to requests that other sites start, so a
 * state-changing request that authenticates with the cookie must prove it came
 * from a page of this site: `Sec-Fetch-Site`, where the browser sends it, must
 * be `same-origin`, and `Origin` must name this host. Browsers send `Origin` on
 * every cross-origin request and on same-origin POSTs, and pages cannot forge
 * either header. Requests that carry a Bearer header are not subject to this
 * check, because browsers never add that header on their own.
 */

/**
 * Returns why a request does not come from a page of this site, or null when it
 * does. The host to compare with is `X-Forwarded-Host` when a proxy set it, else `Host`.
 */
export function findCrossOriginReason(headers: Headers): string | null {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") {
    return `the browser reports the request as ${fetchSite} (Sec-Fetch-Site), not same-origin`;
  }

  const origin = headers.get("origin");
  if (origin === null) {
    return fetchSite === null ? "the request has neither an Origin nor a Sec-Fetch-Site header" : null;
  }

  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]?.trim().toLowerCase();
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return `its Origin header (${JSON.stringify(origin.slice(0, 100))}) is not a valid origin`;
  }
  if (!host || originHost !== host) {
    return `its Origin (${origin.slice(0, 100)}) is not this site`;
  }
  return null;
}
