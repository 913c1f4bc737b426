import type { Metadata } from "next";
import { requireSession } from "@/lib/require-session";
import { AccountSection } from "../account-section";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Delete account" };

/** Renders the account deletion page. Protected: signed-out visitors are redirected before anything renders. */
export default async function DeleteAccountPage() {
  const session = await requireSession("/account/delete");

  return (
    <AccountSection title="Delete account" session={session}>
      <div className="warning" role="note" data-testid="delete-warning">
        <p>
          <strong>This cannot be undone.</strong> Deleting your account removes <strong>{session.user.email}</strong>, its
          password and every session, and signs you out on all devices.
        </p>
        <p>The address becomes free, so it can be used to register again.</p>
      </div>
      <DeleteAccountForm email={session.user.email} />
    </AccountSection>
  );
}
