import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { fetchProject, fetchProjects } from './api';
import { ProjectCard } from './ProjectCard';
import { Empty, ErrorBox, Loading } from '../../components/Status';
import { useDebounced } from '../../components/useDebounced';

/** Projects as cards, one level at a time (`/projects/:projectId/projects` shows the children of one). */
export function ProjectsPage() {
  const { projectId } = useParams();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 250);
  const projects = useQuery({
    queryKey: ['projects', projectId ?? null, debounced],
    queryFn: () => fetchProjects({ parent: projectId, search: debounced }),
    refetchInterval: 30_000,
  });
  const parent = useQuery({
    queryKey: ['project', projectId],
    queryFn: () => fetchProject(projectId!),
    enabled: !!projectId,
  });

  return (
    <section className="page" aria-labelledby="projects-title">
      <header className="page-header">
        <h1 id="projects-title">
          {projectId ? <><Link to="/projects">Projects</Link> / {parent.data?.name ?? '…'}</> : 'Projects'}
        </h1>
        <input type="search" className="search" placeholder="Search projects" aria-label="Search projects"
               value={search} onChange={(e) => setSearch(e.target.value)} />
      </header>
      {projectId && (
        <p><Link to={`/projects/${projectId}/experiments`}>Experiments of this project →</Link></p>
      )}
      {projects.isPending && <Loading />}
      {projects.isError && <ErrorBox error={projects.error} />}
      {projects.data && projects.data.length === 0 && <Empty>No projects{debounced ? ' match' : ' yet'}.</Empty>}
      {projects.data && projects.data.length > 0 && (
        <ul className="card-grid" aria-label="Project list">
          {projects.data.map((p) => <li key={p.id}><ProjectCard project={p} /></li>)}
        </ul>
      )}
    </section>
  );
}
