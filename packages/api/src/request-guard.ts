/**
 * Checks the HTTP shape of a request before tRPC parses it: the method, the
 * content type and the body size. tRPC's fetch adapter would otherwise parse
 * a multipart or binary body into a FormData or stream object and report that
 * object's method names as unknown fields, answer a wrong method with
 * "Missing content-type header", and read a body of any size into memory.
 */
import { readLimitedBody } from "./read-limited-body";

/** A batch of 10 calls, each with a 1,016-character email and a 512-character password escaped as \uXXXX, stays under this. */
export const MAX_BODY_BYTES = 256 * 1024;

const ALLOWED_METHODS = "GET, POST, HEAD";

/**
 * Returns an error response for a request the API cannot serve, or a request
 * whose body has been read (at most MAX_BODY_BYTES) and can be handed to tRPC.
 */
export async function guardRequest(request: Request): Promise<{ response: Response } | { request: Request }> {
  if (request.method === "GET" || request.method === "HEAD") return { request };
  if (request.method !== "POST") {
    return {
      response: errorResponse(405, "METHOD_NOT_SUPPORTED", `Method ${request.method} is not allowed: use GET for queries and POST for mutations.`, {
        allow: ALLOWED_METHODS,
      }),
    };
  }

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { response: tooLarge() };
  const body = await readLimitedBody(request, MAX_BODY_BYTES);
  if (body === null) return { response: tooLarge() };

  const headers = new Headers(request.headers);
  const contentType = headers.get("content-type");
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (body.byteLength === 0) {
    // A mutation without input, such as `curl -X POST .../auth.logout`, needs no
    // body, but tRPC rejects any POST that does not declare JSON.
    headers.set("content-type", "application/json");
  } else if (mediaType !== "application/json") {
    const problem = contentType ? `Content-Type "${contentType.slice(0, 100)}" is not supported` : "Content-Type is missing";
    return {
      response: errorResponse(415, "UNSUPPORTED_MEDIA_TYPE", `${problem}: send the input as JSON with Content-Type: application/json.`),
    };
  }
  return { request: new Request(request.url, { method: request.method, headers, body: body.byteLength ? body : null }) };
}

function tooLarge(): Response {
  return errorResponse(413, "PAYLOAD_TOO_LARGE", `The request body is too large: send at most ${MAX_BODY_BYTES} bytes.`);
}

/** Builds an error response in tRPC's JSON shape, so clients handle it like any other tRPC error. */
function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = { error: { message, code: -32600, data: { code, httpStatus: status } } };
  return Response.json(body, { status, headers });
}
