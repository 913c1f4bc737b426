import { createTrpcHandler } from "@gatehouse/api";
import { perServer } from "@/lib/per-server";
import { extendSessionCookieOnRenewal } from "@/lib/session-cookie";

const getHandler = perServer((server) =>
  createTrpcHandler({
    auth: server.auth,
    logger: server.logger,
    endpoint: "/api/trpc",
    onSessionValidated: extendSessionCookieOnRenewal,
  }),
);

/** Serves the tRPC API. A cookie-authenticated call that renews its session also extends the cookie. */
async function handle(request: Request): Promise<Response> {
  const handler = await getHandler();
  return handler(request);
}

export { handle as GET, handle as POST };
