import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/current-session";
import { safeNextPath } from "@/lib/safe-next-path";
import { CredentialsForm } from "../credentials-form";

export const metadata: Metadata = { title: "Create an account" };

interface RegisterPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RegisterPage({ searchParams }: RegisterPageProps) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const current = await getCurrentSession();
  if (current.status === "signed-in") redirect(next);

  return (
    <section className="card" aria-labelledby="register-title">
      <h1 id="register-title">Create an account</h1>
      <CredentialsForm mode="register" next={next} />
    </section>
  );
}
