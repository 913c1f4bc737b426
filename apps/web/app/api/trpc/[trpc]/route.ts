import { createTrpcHandler } from "@gatehouse/api";
import { getServer } from "@/lib/server";
import { extendSessionCookieOnRenewal } from "@/lib/session-cookie";

/** Serves the tRPC API. A cookie-authenticated call that renews its session also extends the cookie. */
async function handle(request: Request): Promise<Response> {
  const server = await getServer();
  const handler = createTrpcHandler({
    auth: server.auth,
    logger: server.logger,
    endpoint: "/api/trpc",
    onSessionValidated: extendSessionCookieOnRenewal,
  });
  return handler(request);
}

export { handle as GET, handle as POST };
