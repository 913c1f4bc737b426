import { redirect } from "next/navigation";

/** The site has no landing page: the account page shows the session or leads to sign-in. */
export default function HomePage(): never {
  redirect("/account");
}
