import { redirect } from "next/navigation";

/** Redirects to the account page, which shows the session or leads to sign-in. */
export default function HomePage(): never {
  redirect("/account");
}
