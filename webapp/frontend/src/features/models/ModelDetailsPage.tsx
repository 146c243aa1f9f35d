export function ModelDetailsPage() {
  return <section className="page"><h1>ModelDetailsPage</h1></section>;
}
