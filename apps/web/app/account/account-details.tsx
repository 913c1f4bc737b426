"use client";
import type { UserOutput } from "@gatehouse/api";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/lib/format-time";
import { useTRPC } from "@/lib/trpc";

export interface AccountDetailsProps {
  /** The user as the server resolved it while rendering, so the page shows at once. */
  initialUser: UserOutput;
  sessionExpiresAt: string;
}

/** Shows the signed-in user, kept current through the typed `auth.me` query. */
export function AccountDetails({ initialUser, sessionExpiresAt }: AccountDetailsProps) {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { initialData: initialUser }));

  if (me.error?.data?.httpStatus === 401) {
    return (
      <p className="notice" data-testid="session-ended">
        Your session has ended. <Link href="/login?next=%2Faccount">Sign in again</Link>.
      </p>
    );
  }

  const user = me.data;
  return (
    <dl className="details">
      <div>
        <dt>Email address</dt>
        <dd data-testid="account-email">{user.email}</dd>
      </div>
      <div>
        <dt>Member since</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </div>
      <div>
        <dt>Signed in until</dt>
        <dd data-testid="session-expires">{formatDateTime(sessionExpiresAt)}</dd>
      </div>
    </dl>
  );
}
