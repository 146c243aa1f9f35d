import type { RouteObject } from 'react-router';
import { ComparePage } from '../features/compare/ComparePage';
import { EntityHistoryPage } from '../features/history/EntityHistoryPage';
import { AuditPage } from '../features/history/AuditPage';
import { QueuesPage } from '../features/orchestration/QueuesPage';
import { WorkersPage } from '../features/orchestration/WorkersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ReportPage } from '../features/reports/ReportPage';

/** The pages of part 2 (compare, act, orchestrate, audit, administer); spread into `pageRoutes`. */
export const part2Routes: RouteObject[] = [
  { path: 'compare/:ids', element: <ComparePage /> },
  { path: 'compare/:ids/:view', element: <ComparePage /> },
  { path: 'projects/:projectId/history', element: <EntityHistoryPage type="project" /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'queues', element: <QueuesPage /> },
  { path: 'queues/:queueId', element: <QueuesPage /> },
  { path: 'workers', element: <WorkersPage /> },
  { path: 'workers/:workerId', element: <WorkersPage /> },
  { path: 'dashboard', element: <DashboardPage /> },
  { path: 'settings', element: <SettingsPage /> },
  { path: 'reports', element: <ReportsPage /> },
  { path: 'reports/:reportId', element: <ReportPage /> },
];
