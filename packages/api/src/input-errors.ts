import type { ZodError } from "zod";

export interface DescribedInputIssues {
  /** The first issue, prefixed with the field it concerns. */
  message: string;
  /** The first field with an issue, or undefined when the input as a whole is wrong. */
  field: string | undefined;
  fieldErrors: Record<string, string[]>;
}

/** Turns zod issues into messages that name the field, for API clients and forms. */
export function describeInputIssues(error: ZodError): DescribedInputIssues {
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  let field: string | undefined;

  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    const text = issue.message;
    const key = path || "input";
    (fieldErrors[key] ??= []).push(text);
    messages.push(path && !text.startsWith(path) ? `${path}: ${text}` : text);
    field ??= path || undefined;
  }
  return { message: messages[0] ?? "Invalid input.", field, fieldErrors };
}
