/**
 * The OAuth2 token endpoint for clients that do not speak tRPC: the resource
 * owner password credentials grant of RFC 6749 section 4.3. It issues the same
 * opaque access tokens as `auth.login`. Every response is `Cache-Control:
 * no-store`, as section 5.1 requires, so no cache keeps a token. Client
 * authentication is not required: Gatehouse has no registered clients, so any
 * `client_id` or HTTP Basic credentials a client library sends are ignored.
 */
import { isAuthError, isConnectionError, type AuthErrorCode, type AuthService } from "@gatehouse/auth";
import { newErrorId, SERVICE_UNAVAILABLE_MESSAGE, summarizeError } from "./errors";
import type { Logger } from "./logger";
import { readLimitedBody } from "./read-limited-body";

/** Error codes of RFC 6749 section 5.2 this endpoint sends, plus the two for server-side failures. */
export type TokenErrorCode =
  | "invalid_request"
  | "invalid_grant"
  | "unsupported_grant_type"
  | "server_error"
  | "temporarily_unavailable";

interface TokenFailure {
  error: TokenErrorCode;
  status: number;
}

/**
 * The error response for each auth error code, in one table, so that adding a
 * code fails the type check until it is mapped here. Login can meet
 * INVALID_PASSWORD, INVALID_CREDENTIALS, TOO_MANY_ATTEMPTS and
 * DATABASE_UNAVAILABLE. The others are mapped too, so none becomes an
 * unexplained 500.
 *
 * RFC 6749 defines no error code for throttling. A throttled grant gets
 * `temporarily_unavailable` with status 429 and Retry-After. Section 4.1.2.1
 * defines that code for a server that cannot handle a request for a while, so
 * a client reads it as a reason to retry later. It is listed there for the
 * authorization endpoint, not in section 5.2 for this one. `invalid_grant`
 * would tell the client that the password is wrong and prompt a person to
 * retype it, which only adds failed attempts.
 */
const AUTH_ERROR_TO_TOKEN_ERROR: Record<AuthErrorCode, TokenFailure> = {
  INVALID_EMAIL: { error: "invalid_request", status: 400 },
  INVALID_PASSWORD: { error: "invalid_request", status: 400 },
  EMAIL_TAKEN: { error: "invalid_request", status: 400 },
  INVALID_CREDENTIALS: { error: "invalid_grant", status: 400 },
  INCORRECT_PASSWORD: { error: "invalid_grant", status: 400 },
  SESSION_NOT_FOUND: { error: "invalid_grant", status: 400 },
  INVALID_INPUT: { error: "invalid_request", status: 400 },
  TOO_MANY_ATTEMPTS: { error: "temporarily_unavailable", status: 429 },
  DATABASE_UNAVAILABLE: { error: "temporarily_unavailable", status: 503 },
  // Start-up failures of this server, not of the request: logged with an error id.
  DATA_DIR_LOCKED: { error: "server_error", status: 500 },
  INVALID_CONFIG: { error: "server_error", status: 500 },
};

export interface TokenEndpointOptions {
  auth: AuthService;
  logger: Logger;
  /** Returns the client's address for a request; defaults to none. */
  resolveClientIp?: (request: Request) => string | null;
}

/** A form with email and password is well under 2 KiB; a larger body is not a token request. */
export const MAX_TOKEN_REQUEST_BYTES = 16 * 1024;
const MAX_USER_AGENT_LENGTH = 512;

const NO_STORE_HEADERS = {
  "content-type": "application/json;charset=UTF-8",
  "cache-control": "no-store",
  pragma: "no-cache",
};

/** Parameters that must appear exactly once (section 3.2: parameters must not be repeated). */
const SINGLE_PARAMETERS = ["grant_type", "username", "password", "scope", "client_id", "client_secret"];

export function createTokenHandler(options: TokenEndpointOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "POST") {
      return tokenError("invalid_request", "Send the token request as POST.", { status: 405, allow: "POST" });
    }

    const form = await readForm(request);
    if (typeof form === "string") return tokenError("invalid_request", form);

    for (const name of SINGLE_PARAMETERS) {
      if (form.getAll(name).length > 1) return tokenError("invalid_request", `The ${name} parameter must appear only once.`);
    }

    const grantType = form.get("grant_type");
    if (!grantType) return tokenError("invalid_request", "The grant_type parameter is missing: send grant_type=password.");
    if (grantType !== "password") {
      return tokenError("unsupported_grant_type", `grant_type ${JSON.stringify(grantType.slice(0, 50))} is not supported: use password.`);
    }

    const username = form.get("username");
    const password = form.get("password");
    if (!username) return tokenError("invalid_request", "The username parameter is missing: send the account's email address.");
    if (!password) return tokenError("invalid_request", "The password parameter is missing.");

    return issueToken(options, request, { email: username, password });
  };
}

async function issueToken(
  options: TokenEndpointOptions,
  request: Request,
  credentials: { email: string; password: string },
): Promise<Response> {
  const userAgent = request.headers.get("user-agent");
  const client = {
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
    ipAddress: options.resolveClientIp?.(request) ?? null,
  };

  try {
    const token = await options.auth.login(credentials, client);
    const expiresIn = Math.max(0, Math.round((token.expiresAt.getTime() - Date.now()) / 1000));
    const body = { access_token: token.accessToken, token_type: token.tokenType, expires_in: expiresIn };
    return new Response(JSON.stringify(body), { status: 200, headers: NO_STORE_HEADERS });
  } catch (error) {
    const failure = isAuthError(error) ? AUTH_ERROR_TO_TOKEN_ERROR[error.code] : undefined;
    if (isAuthError(error) && failure && failure.status < 500) {
      const retryAfter = error.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterSeconds));
      return tokenError(failure.error, error.message, { status: failure.status, retryAfter });
    }
    if (isConnectionError(error) || failure?.status === 503) {
      return tokenError("temporarily_unavailable", SERVICE_UNAVAILABLE_MESSAGE, { status: 503 });
    }

    const errorId = newErrorId();
    options.logger.error({ errorId, path: "/token", ...summarizeError(error) }, "unexpected error in token endpoint");
    return tokenError("server_error", `Something went wrong on our side. Try again; if it keeps failing, report error id ${errorId}.`, {
      status: 500,
    });
  }
}

/** Reads an `application/x-www-form-urlencoded` body, or returns what is wrong with the request. */
async function readForm(request: Request): Promise<URLSearchParams | string> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded") {
    return `Content-Type must be application/x-www-form-urlencoded, got ${mediaType ? JSON.stringify(mediaType.slice(0, 100)) : "none"}.`;
  }

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_TOKEN_REQUEST_BYTES) return `The request body is too large: send at most ${MAX_TOKEN_REQUEST_BYTES} bytes.`;

  const body = await readLimitedBody(request, MAX_TOKEN_REQUEST_BYTES);
  if (body === null) return `The request body is too large: send at most ${MAX_TOKEN_REQUEST_BYTES} bytes.`;

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return "The request body is not valid UTF-8.";
  }
  return new URLSearchParams(text);
}

/**
 * Builds an error response of RFC 6749 section 5.2, with status 400 unless the
 * failure is the server's or a throttle's (429 with `retryAfter` seconds).
 */
export function tokenError(
  error: TokenErrorCode,
  description: string,
  options: { status?: number; allow?: string; retryAfter?: number | undefined } = {},
): Response {
  const headers: Record<string, string> = { ...NO_STORE_HEADERS };
  if (options.allow) headers.allow = options.allow;
  if (options.retryAfter !== undefined) headers["retry-after"] = String(options.retryAfter);
  return new Response(JSON.stringify({ error, error_description: description }), { status: options.status ?? 400, headers });
}
