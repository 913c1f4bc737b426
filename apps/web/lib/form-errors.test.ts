import { createLogger } from "@gatehouse/api";
import { AuthError } from "@gatehouse/auth";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

// form-errors.ts imports "server-only", which throws outside a React server bundle.
vi.mock("server-only", () => ({}));
const { CREDENTIALS_FIELDS, toFormErrors } = await import("./form-errors");

const logger = createLogger({ level: "silent" });
const PASSWORD_FIELDS = ["currentPassword", "newPassword"] as const;

describe("toFormErrors", () => {
  it("puts an auth error next to its field", () => {
    const error = new TRPCError({
      code: "BAD_REQUEST",
      cause: new AuthError("INCORRECT_PASSWORD", "The current password is incorrect.", { field: "currentPassword" }),
    });

    const errors = toFormErrors(error, logger, PASSWORD_FIELDS);

    expect(errors.fieldErrors).toEqual({ currentPassword: "The current password is incorrect." });
    expect(errors.formError).toBeUndefined();
  });

  it("shows an error about another field on the form", () => {
    const error = new AuthError("INCORRECT_PASSWORD", "The current password is incorrect.", { field: "currentPassword" });

    const errors = toFormErrors(error, logger, CREDENTIALS_FIELDS);

    expect(errors.fieldErrors).toEqual({});
    expect(errors.formError).toBe("The current password is incorrect.");
  });

  it("maps input issues to the listed fields", () => {
    const parsed = z.object({ newPassword: z.string().min(8, "newPassword is too short.") }).safeParse({ newPassword: "short" });
    expect(parsed.success).toBe(false);

    const errors = toFormErrors(parsed.error, logger, PASSWORD_FIELDS);

    expect(errors.fieldErrors).toEqual({ newPassword: "newPassword is too short." });
  });

  it("hides an unexpected error behind an id", () => {
    const errors = toFormErrors(new Error("relation \"users\" does not exist"), logger, PASSWORD_FIELDS);

    expect(errors.fieldErrors).toEqual({});
    expect(errors.formError).toMatch(/report error id [0-9a-f-]{36}\.$/);
    expect(errors.formError).not.toContain("users");
  });
});
