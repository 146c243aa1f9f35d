import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireSession } from './RequireSession';
import { NotFound } from './NotFound';
import { LoginPage } from '../features/auth/LoginPage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { ExperimentsPage } from '../features/experiments/ExperimentsPage';
import { ExperimentDetailsPage } from '../features/experiment-details/ExperimentDetailsPage';
import { ModelsPage } from '../features/models/ModelsPage';
import { ModelDetailsPage } from '../features/models/ModelDetailsPage';
import { part2Routes } from './routesPart2';

/** Pages inside the signed-in shell. A new page adds a route here (and a nav entry in navigation.ts). */
export const pageRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="/projects" replace /> },
  { path: 'projects', element: <ProjectsPage /> },
  { path: 'projects/:projectId/projects', element: <ProjectsPage /> },
  { path: 'projects/:projectId/experiments', element: <ExperimentsPage /> },
  { path: 'projects/:projectId/experiments/:taskId', element: <ExperimentDetailsPage /> },
  { path: 'projects/:projectId/experiments/:taskId/:tab', element: <ExperimentDetailsPage /> },
  { path: 'models', element: <ModelsPage /> },
  { path: 'models/:modelId', element: <ModelDetailsPage /> },
  { path: 'models/:modelId/:tab', element: <ModelDetailsPage /> },
  ...part2Routes,
  { path: '*', element: <NotFound /> },
];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [{ path: '/', element: <AppLayout />, children: pageRoutes }],
  },
];
