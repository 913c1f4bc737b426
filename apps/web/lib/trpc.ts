/**
 * The typed tRPC hooks for client components. Requests go to this site's
 * `/api/trpc` with the session cookie; the browser adds the Origin and
 * Sec-Fetch-Site headers the API checks for cookie-authenticated mutations.
 */
import type { AppRouter } from "@gatehouse/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
