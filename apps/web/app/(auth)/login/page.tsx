import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/current-session";
import { safeNextPath } from "@/lib/safe-next-path";
import { CredentialsForm } from "../credentials-form";

export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const NOTICES: Record<string, string> = {
  expired: "Your session has ended. Sign in again.",
  "account-deleted": "Your account has been deleted and you have been signed out. The email address can be registered again.",
};

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const current = await getCurrentSession();
  if (current.status === "signed-in") redirect(next);

  const reason = typeof params.reason === "string" ? NOTICES[params.reason] : undefined;
  const signedOut = params["signed-out"] !== undefined;

  return (
    <section className="card" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      {signedOut && (
        <p className="notice" data-testid="notice">
          You have signed out.
        </p>
      )}
      {reason && (
        <p className="notice" data-testid="notice">
          {reason}
        </p>
      )}
      <CredentialsForm mode="sign-in" next={next} />
    </section>
  );
}
