import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/current-session";
import { AccountDetails } from "./account-details";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Your account" };

/** Protected: the session is checked on the server before anything renders. */
export default async function AccountPage() {
  const current = await getCurrentSession();
  if (current.status === "expired") redirect("/login?next=%2Faccount&reason=expired");
  if (current.status === "signed-out") redirect("/login?next=%2Faccount");

  const { user, expiresAt } = current.session;
  return (
    <section className="card" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <AccountDetails
        initialUser={{ id: user.id, email: user.email, createdAt: user.createdAt.toISOString() }}
        sessionExpiresAt={expiresAt.toISOString()}
      />
      <SignOutButton />
    </section>
  );
}
