import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>This page does not exist. <Link to="/projects">Go to projects</Link></p>
    </section>
  );
}
