/**
 * An empty page that `pnpm bench` loads as the baseline for JavaScript size:
 * it has the root layout and no content, so the scripts the browser downloads
 * for it are those every page of this build pays for.
 */
export default function BenchEmptyPage() {
  return <main />;
}
