/**
 * Security headers for every response the app renders or serves from a route
 * handler. Scripts run only when they carry this response's nonce or were
 * loaded by such a script ('strict-dynamic'), so injected markup cannot run
 * code. No other site may frame the pages (clickjacking), and no page or token
 * response is stored by a browser or proxy cache.
 */

export interface SecurityHeaderOptions {
  /** The per-request nonce that Next.js puts on its own inline and bootstrap scripts. */
  nonce: string;
  /** True when the request reached the site over https (see `isHttpsRequest`). */
  https: boolean;
  /** True under `next dev`, whose React build evaluates strings and whose error overlay sets inline styles. */
  development: boolean;
}

/** 16 random bytes (128 bits), so a nonce cannot be guessed. */
const NONCE_BYTES = 16;

/** Two years, the value that HSTS preload lists expect. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/** Returns a fresh base64 nonce for one response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Builds the Content-Security-Policy value. In production, styles need no
 * `'unsafe-inline'` either, because the app's CSS is one bundled file and no
 * component sets a `style` attribute. Next.js 16 puts the nonce on the
 * `<style>` and `<link>` tags it inserts, and style-src does not govern
 * `element.style` set by a script.
 */
export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // The `next dev` error overlay inserts <style> elements without the nonce.
    // Browsers ignore 'unsafe-inline' in a list that has a nonce, so development
    // drops the nonce from style-src.
    options.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${nonce}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    // 'none' rather than 'self', because the app uses no <base> element and
    // ASVS 5.0 requirement 3.4.3 requires base-uri 'none' with object-src 'none'.
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Returns every security header for a response, by lower-case name. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    // Not no-referrer: under that policy browsers send `Origin: null` on
    // same-origin form POSTs, and the Server Action and tRPC origin checks
    // would then reject the site's own forms.
    "referrer-policy": "same-origin",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // Every page embeds a per-request nonce and most show or set a session, so
    // no response may be reused from a cache.
    "cache-control": "no-store",
  };
  // Over plain http a browser ignores HSTS, and sending it from a development
  // server on localhost would pin https for every port of that host.
  if (options.https) headers["strict-transport-security"] = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;
  return headers;
}
