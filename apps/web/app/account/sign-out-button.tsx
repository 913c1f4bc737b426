"use client";
import { useFormStatus } from "react-dom";
import { signOut } from "../(auth)/actions";

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="secondary" disabled={pending}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

/** Posts to the sign-out Server Action, with or without JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOut} className="sign-out">
      <SubmitButton />
    </form>
  );
}
