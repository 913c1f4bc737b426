import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Replaces the built-in 404 page, whose inline `style` attributes and
 * `<style>` element carry no nonce and would break the style-src policy.
 */
export default function NotFound() {
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at this address. <Link href="/account">Go to your account</Link>.
      </p>
    </section>
  );
}
