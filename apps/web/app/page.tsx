export default function HomePage() {
  return (
    <main>
      <h1>Gatehouse</h1>
    </main>
  );
}
