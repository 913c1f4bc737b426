"use client";
import { MAX_BATCH_SIZE } from "@gatehouse/api/limits";
import type { AppRouter } from "@gatehouse/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { TRPCProvider } from "@/lib/trpc";

/** Gives client components a query cache and the typed tRPC client. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // A 401 does not get better by retrying; other failures get one retry.
        defaultOptions: { queries: { staleTime: 30_000, retry: (failures, error) => failures < 1 && !isUnauthorized(error) } },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", maxItems: MAX_BATCH_SIZE })],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

function isUnauthorized(error: unknown): boolean {
  return (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus === 401;
}
