export function ExperimentDetailsPage() {
  return <section className="page"><h1>ExperimentDetailsPage</h1></section>;
}
