import { describe, expect, it, vi } from "vitest";

// session-cookie.ts imports "server-only", which throws outside a React server bundle.
vi.mock("server-only", () => ({}));
const { sessionCookieAttributes } = await import("./session-cookie");

describe("sessionCookieAttributes", () => {
  const now = new Date("2026-01-01T00:00:00.000Z");
  const expiresAt = new Date("2026-01-02T00:00:00.500Z");

  it("uses the __Host- prefix and Secure over https", () => {
    const attributes = sessionCookieAttributes({ secure: true, expiresAt, now });

    expect(attributes.name).toBe("__Host-gatehouse_token");
    expect(attributes.secure).toBe(true);
    expect(attributes.path).toBe("/");
  });

  it("uses the plain name without Secure over http", () => {
    const attributes = sessionCookieAttributes({ secure: false, expiresAt, now });

    expect(attributes.name).toBe("gatehouse_token");
    expect(attributes.secure).toBe(false);
  });

  it("is HttpOnly and SameSite=Lax", () => {
    const attributes = sessionCookieAttributes({ secure: false, expiresAt, now });

    expect(attributes.httpOnly).toBe(true);
    expect(attributes.sameSite).toBe("lax");
  });

  it("lives as long as the token, never longer", () => {
    const attributes = sessionCookieAttributes({ secure: false, expiresAt, now });

    expect(attributes.maxAge).toBe(86_400);
    expect(attributes.expires).toEqual(expiresAt);
  });

  it("expires at once for a token already expired", () => {
    const attributes = sessionCookieAttributes({ secure: false, expiresAt: new Date(now.getTime() - 1000), now });

    expect(attributes.maxAge).toBe(0);
  });
});
