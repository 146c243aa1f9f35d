export function ModelsPage() {
  return <section className="page"><h1>ModelsPage</h1></section>;
}
