"use client";
import { useEffect } from "react";
import { refreshSessionCookie } from "./refresh-cookie-action";

/**
 * Rendered by a page whose session check renewed the session: once scripts
 * run, it asks the server to extend the cookie to the new deadline.
 */
export function SessionCookieRefresh(): null {
  useEffect(() => {
    void refreshSessionCookie();
  }, []);
  return null;
}
