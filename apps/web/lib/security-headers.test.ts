import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers";

const NONCE = "AAAAAAAAAAAAAAAAAAAAAA==";

describe("createNonce", () => {
  it("returns 16 random bytes in base64", () => {
    const nonces = Array.from({ length: 100 }, () => createNonce());

    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce", () => {
    const policy = contentSecurityPolicy({ nonce: NONCE, https: false, development: false });

    expect(policy).toContain(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic';`);
    expect(policy).toContain(`style-src 'self' 'nonce-${NONCE}';`);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("forbids plugins, base, framing and foreign forms", () => {
    const directives = contentSecurityPolicy({ nonce: NONCE, https: false, development: false }).split("; ");

    expect(directives).toContain("object-src 'none'");
    expect(directives).toContain("base-uri 'none'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).toContain("form-action 'self'");
  });

  it("relaxes eval and styles in development", () => {
    const policy = contentSecurityPolicy({ nonce: NONCE, https: false, development: true });

    expect(policy).toContain(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval';`);
    expect(policy).toContain("style-src 'self' 'unsafe-inline';");
  });

  it("upgrades subresources over https", () => {
    expect(contentSecurityPolicy({ nonce: NONCE, https: true, development: false })).toMatch(/; upgrade-insecure-requests$/);
  });
});

describe("securityHeaders", () => {
  it("sets HSTS only over https", () => {
    expect(securityHeaders({ nonce: NONCE, https: false, development: false })["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ nonce: NONCE, https: true, development: false })["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("sets the fixed headers", () => {
    const headers = securityHeaders({ nonce: NONCE, https: false, development: false });

    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["content-security-policy"]).toContain(`'nonce-${NONCE}'`);
  });
});
