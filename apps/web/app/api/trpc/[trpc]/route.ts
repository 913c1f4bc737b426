import { createTrpcHandler } from "@gatehouse/api";
import { getServer } from "@/lib/server";

async function handle(request: Request): Promise<Response> {
  const server = await getServer();
  const handler = createTrpcHandler({ auth: server.auth, logger: server.logger, endpoint: "/api/trpc" });
  return handler(request);
}

export { handle as GET, handle as POST };
