import { TRPCError } from "@trpc/server";

/** Test support: awaits a call that must fail with a TRPCError and returns it; any other outcome fails the test. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected a TRPCError, but the call succeeded");
}
