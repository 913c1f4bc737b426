import { createTokenHandler } from "@gatehouse/api";
import { perServer } from "@/lib/per-server";

const getHandler = perServer((server) => createTokenHandler({ auth: server.auth, logger: server.logger }));

/** Serves the OAuth2 token endpoint (RFC 6749 password grant) for clients that do not speak tRPC. */
async function handle(request: Request): Promise<Response> {
  const handler = await getHandler();
  return handler(request);
}

export { handle as GET, handle as POST };
