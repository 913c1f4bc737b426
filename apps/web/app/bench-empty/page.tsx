/**
 * Renders nothing inside the root layout. `pnpm bench` loads this page as the
 * baseline for JavaScript size, because the scripts a browser downloads for it
 * are the ones every page of this build loads.
 */
export default function BenchEmptyPage() {
  return <main />;
}
