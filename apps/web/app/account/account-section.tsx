import type { ValidatedAccessToken } from "@gatehouse/auth";
import type { ReactNode } from "react";
import { AccountNav } from "./account-nav";
import { SessionCookieRefresh } from "./session-cookie-refresh";

export interface AccountSectionProps {
  title: string;
  /** The signed-in session as requireSession returned it. */
  session: ValidatedAccessToken;
  /** Widens the card for tables and lists. */
  wide?: boolean;
  children: ReactNode;
}

/** Renders the frame of every account page: the links between them, the heading and the cookie refresh after a renewal. */
export function AccountSection({ title, session, wide = false, children }: AccountSectionProps) {
  return (
    <section className={wide ? "card wide" : "card"} aria-labelledby="account-section-title">
      <AccountNav />
      <h1 id="account-section-title">{title}</h1>
      {children}
      {session.renewed && <SessionCookieRefresh />}
    </section>
  );
}
