/**
 * Runs before every page and route handler (Next.js 16 "proxy", formerly
 * middleware). It creates a fresh CSP nonce per request, passes it to the
 * renderer in the request's Content-Security-Policy header (Next.js reads the
 * nonce from there and puts it on its scripts), and sets the security headers
 * of lib/security-headers.ts on the response.
 */
import { isHttpsRequest } from "@gatehouse/api/session-token-cookie";
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeaders({
    nonce: createNonce(),
    https: isHttpsRequest(request.headers, request.url),
    // Next.js replaces NODE_ENV at build time; `next dev` needs eval for React's debugging aids.
    development: process.env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed build assets are immutable and may be cached; everything else gets the headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
