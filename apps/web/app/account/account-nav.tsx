"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/account", label: "Account" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/password", label: "Password" },
  { href: "/account/activity", label: "Activity" },
  { href: "/account/delete", label: "Delete account" },
] as const;

/** Renders links between the account pages and marks the open one with aria-current. */
export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav className="account-nav" aria-label="Account pages">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={pathname === link.href ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
