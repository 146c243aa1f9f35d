import type { TaskTabProps } from '../experiment-details/ExperimentDetailsPage';
import { HistoryTimeline } from './HistoryTimeline';

export function TaskHistoryTab({ task, live }: TaskTabProps) {
  return <HistoryTimeline type="task" id={task.id} live={live} />;
}
