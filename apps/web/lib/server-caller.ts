/**
 * A tRPC caller for server components and Server Actions. It builds the same
 * context as the HTTP endpoint from the incoming request's headers, so the
 * session cookie, the origin check and the error mapping apply unchanged.
 */
import "server-only";
import { createCaller, createContext } from "@gatehouse/api";
import { headers } from "next/headers";
import { getServer } from "./server";

export type ServerCaller = ReturnType<typeof createCaller>;

export async function createServerCaller(): Promise<ServerCaller> {
  const server = await getServer();
  const requestHeaders = await headers();
  return createCaller(createContext({ auth: server.auth, logger: server.logger, headers: requestHeaders }));
}
