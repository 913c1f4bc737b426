/**
 * Turns an error from the tRPC caller into what a form shows: a message next
 * to the field it concerns, or one for the whole form. Unexpected errors are
 * logged with an id and shown only by that id.
 */
import "server-only";
import { describeInputIssues, summarizeError, type Logger } from "@gatehouse/api";
import { isAuthError } from "@gatehouse/auth";
import type { ZodError } from "zod";

export type CredentialsField = "email" | "password";

/** The fields of the sign-in and registration forms. */
export const CREDENTIALS_FIELDS: readonly CredentialsField[] = ["email", "password"];

export interface FormErrors<Field extends string = CredentialsField> {
  fieldErrors: Partial<Record<Field, string>>;
  formError?: string;
}

const SERVICE_UNAVAILABLE = "The service is temporarily unavailable. Try again in a moment.";

// TRPCError and ZodError are recognised by name rather than instanceof, because
// Next.js can load a package once per bundle.
function hasName(value: unknown, name: string): value is Error {
  return value instanceof Object && (value as { name?: unknown }).name === name;
}

/** Formats the throttle message with the wait in whole seconds, at least one. */
export function tooManyAttemptsMessage(retryAfterSeconds: number | undefined): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 1));
  return `Too many attempts. Try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}

/**
 * Maps `error` to form errors. An error about one of `fields` (the input names
 * the procedure uses) goes next to that field; anything else goes to the form.
 */
export function toFormErrors<Field extends string>(error: unknown, logger: Logger, fields: readonly Field[]): FormErrors<Field> {
  const isFormField = (field: unknown): field is Field => typeof field === "string" && (fields as readonly string[]).includes(field);
  const cause = hasName(error, "TRPCError") ? error.cause : error;

  if (isAuthError(cause)) {
    if (cause.code === "TOO_MANY_ATTEMPTS") return { fieldErrors: {}, formError: tooManyAttemptsMessage(cause.retryAfterSeconds) };
    if (cause.code === "DATABASE_UNAVAILABLE") return { fieldErrors: {}, formError: SERVICE_UNAVAILABLE };
    if (isFormField(cause.field)) return { fieldErrors: { [cause.field]: cause.message } as FormErrors<Field>["fieldErrors"] };
    if (cause.code !== "INVALID_CONFIG" && cause.code !== "DATA_DIR_LOCKED") return { fieldErrors: {}, formError: cause.message };
  }

  if (hasName(cause, "ZodError")) {
    const described = describeInputIssues(cause as ZodError);
    const fieldErrors: FormErrors<Field>["fieldErrors"] = {};
    for (const [field, messages] of Object.entries(described.fieldErrors)) {
      if (isFormField(field) && messages[0]) fieldErrors[field] = messages[0];
    }
    return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { fieldErrors, formError: described.message };
  }

  if (hasName(error, "TRPCError") && (error as { code?: unknown }).code === "SERVICE_UNAVAILABLE") {
    return { fieldErrors: {}, formError: SERVICE_UNAVAILABLE };
  }

  const errorId = crypto.randomUUID();
  logger.error({ errorId, ...summarizeError(cause) }, "unexpected error in a form action");
  return { fieldErrors: {}, formError: `Something went wrong on our side. Try again; if it keeps failing, report error id ${errorId}.` };
}
