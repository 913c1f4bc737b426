import "server-only";
import { getServer, type Server } from "./server";

/**
 * Returns a getter that builds a value from the process's server objects on
 * first use and reuses it, so route handlers do not rebuild it per request.
 */
export function perServer<T>(build: (server: Server) => T): () => Promise<T> {
  const built = new WeakMap<Server, T>();
  return async () => {
    const server = await getServer();
    let value = built.get(server);
    if (value === undefined) {
      value = build(server);
      built.set(server, value);
    }
    return value;
  };
}
