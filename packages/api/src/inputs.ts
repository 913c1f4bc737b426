/**
 * Input schemas shared by procedures. The caps on string length only stop
 * oversized bodies early; the auth core applies the real rules and messages.
 */
import { MAX_ACTIVITY_LIMIT, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from "@gatehouse/auth";
import { z } from "zod";

/** Builds a string field whose errors name the field and state what is expected. */
export function stringField(name: string, maxLength: number, tooLongMessage: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${name} is required.` : `${name} must be a string.`),
    })
    .max(maxLength, { error: tooLongMessage });
}

export const emailField = stringField(
  "email",
  MAX_EMAIL_LENGTH * 4,
  `Email address is too long: use at most ${MAX_EMAIL_LENGTH} characters.`,
);

export const passwordField = (name = "password") =>
  stringField(name, MAX_PASSWORD_LENGTH * 2, `Password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`);

/** Rejects unknown keys so that a misspelt field is reported instead of ignored. */
export function objectInput<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(", ")}: send only ${Object.keys(shape).join(", ")}.`
        : `The input must be a JSON object with the fields ${Object.keys(shape).join(", ")}.`,
  });
}

export const credentialsInput = objectInput({ email: emailField, password: passwordField() });

export const changePasswordInput = objectInput({
  currentPassword: passwordField("currentPassword"),
  newPassword: passwordField("newPassword"),
  signOutOtherSessions: z
    .boolean({ error: "signOutOtherSessions must be true or false." })
    .optional(),
});

export const deleteAccountInput = objectInput({ password: passwordField() });

export const sessionIdInput = objectInput({
  id: z.uuid({
    error: (issue) =>
      issue.input === undefined
        ? "id is required: send the id of a session from auth.sessions.list."
        : "id must be the id of a session from auth.sessions.list.",
  }),
});

export const activityListInput = objectInput({
  limit: z
    .number({ error: `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.` })
    .int({ error: `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.` })
    .min(1, { error: `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.` })
    .max(MAX_ACTIVITY_LIMIT, { error: `limit must be a whole number from 1 to ${MAX_ACTIVITY_LIMIT}.` })
    .optional(),
}).optional();
