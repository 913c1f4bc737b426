import type { Metadata } from "next";
import { requireSession } from "@/lib/require-session";
import { AccountSection } from "../account-section";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

/** Renders the password change page. Protected: signed-out visitors are redirected before anything renders. */
export default async function PasswordPage() {
  const session = await requireSession("/account/password");

  return (
    <AccountSection title="Change password" session={session}>
      <ChangePasswordForm email={session.user.email} />
    </AccountSection>
  );
}
