import { createTokenHandler } from "@gatehouse/api";
import { getServer } from "@/lib/server";

/** Serves the OAuth2 token endpoint (RFC 6749 password grant) for clients that do not speak tRPC. */
async function handle(request: Request): Promise<Response> {
  const server = await getServer();
  return createTokenHandler({ auth: server.auth, logger: server.logger })(request);
}

export { handle as GET, handle as POST };
