"use client";
import { useEffect } from "react";
import { refreshSessionCookie } from "./refresh-cookie-action";

/**
 * Rendered by a page whose session check renewed the session. Once scripts
 * run, it calls a Server Action that extends the cookie to the new deadline.
 */
export function SessionCookieRefresh(): null {
  useEffect(() => {
    void refreshSessionCookie();
  }, []);
  return null;
}
