import type { Task } from '../../api/types';
import type { ColumnDef } from './columns';
import type { TaskFilters, TaskSort } from './api';
import { ColumnFilter } from './ColumnFilter';
import { VirtualTable } from '../../components/VirtualTable';

export interface ExperimentsTableProps {
  tasks: Task[];
  columns: ColumnDef[];
  sort: TaskSort;
  onSort: (sort: TaskSort) => void;
  filters: TaskFilters;
  onFilters: (filters: TaskFilters) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selected: Set<string>;
  onSelected: (selected: Set<string>) => void;
  onOpen: (task: Task) => void;
}

/** The experiments grid: the shared virtual table with a filter under the columns that have one. */
export function ExperimentsTable({ tasks, filters, onFilters, ...rest }: ExperimentsTableProps) {
  return (
    <VirtualTable<Task> label="Experiments" testId="experiments-table" rows={tasks} rowId={(t) => t.id}
                        rowLabel={(t) => t.name}
                        headerExtra={(column) => {
                          const filter = (column as ColumnDef).filter;
                          return filter && <ColumnFilter kind={filter} label={column.label} filters={filters}
                                                         onFilters={onFilters} />;
                        }}
                        {...rest} />
  );
}
