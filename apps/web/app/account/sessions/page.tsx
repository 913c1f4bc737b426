import type { Metadata } from "next";
import { requireSession } from "@/lib/require-session";
import { createServerCaller } from "@/lib/server-caller";
import { AccountSection } from "../account-section";
import { revokeOtherSessions } from "./actions";
import { SessionActionButton } from "./session-action-button";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Sessions" };

interface SessionsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Describes the `signed-out` count the sign-out actions put in the URL, or returns null when there is none. */
function describeSignedOut(value: string | string[] | undefined): string | null {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return null;
  const count = Number(value);
  if (count === 0) return "That session had already ended.";
  return count === 1 ? "Signed out 1 session." : `Signed out ${count} sessions.`;
}

/** Lists the account's live sessions. Protected: signed-out visitors are redirected before anything renders. */
export default async function SessionsPage({ searchParams }: SessionsPageProps) {
  const session = await requireSession("/account/sessions");
  const notice = describeSignedOut((await searchParams)["signed-out"]);
  const { sessions } = await (await createServerCaller()).auth.sessions.list();
  const others = sessions.filter((candidate) => !candidate.current).length;

  return (
    <AccountSection title="Sessions" session={session} wide>
      <p className="lead">Every browser or app signed in to your account. Sign out any you do not recognise.</p>
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      <SessionList sessions={sessions} />
      {others > 0 && (
        <SessionActionButton action={revokeOtherSessions} label="Sign out all other sessions" pendingLabel="Signing out…" />
      )}
    </AccountSection>
  );
}
