import type { Metadata } from "next";
import { requireSession } from "@/lib/require-session";
import { AccountDetails } from "./account-details";
import { AccountSection } from "./account-section";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Your account" };

/** Protected: the session is checked on the server before anything renders. */
export default async function AccountPage() {
  const session = await requireSession("/account");

  const { user, expiresAt } = session;
  return (
    <AccountSection title="Your account" session={session}>
      <AccountDetails
        initialUser={{ id: user.id, email: user.email, createdAt: user.createdAt.toISOString() }}
        sessionExpiresAt={expiresAt.toISOString()}
      />
      <SignOutButton />
    </AccountSection>
  );
}
