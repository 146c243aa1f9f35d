import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef as TableColumn } from '@tanstack/react-table';
import type { Task } from '../../api/types';
import type { ColumnDef } from './columns';
import type { TaskSort } from './api';
import { ColumnFilter } from './ColumnFilter';
import type { TaskFilters } from './api';

const ROW_HEIGHT = 34;
const SELECT_WIDTH = 36;

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

/** The experiments as a virtualized grid: only the visible rows are in the DOM; the next page loads near the end. */
export function ExperimentsTable(props: ExperimentsTableProps) {
  const { tasks, columns, sort, onSort, hasMore, loadingMore, onLoadMore, selected, onSelected, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const tableColumns = useMemo<TableColumn<Task>[]>(() => columns.map((c) => ({
    id: c.id, header: c.label, size: c.width, cell: (ctx) => c.render(ctx.row.original),
  })), [columns]);
  const table = useReactTable({ data: tasks, columns: tableColumns, getCoreRowModel: getCoreRowModel(),
    getRowId: (t) => t.id, manualSorting: true, manualFiltering: true });
  const rows = table.getRowModel().rows;
  const width = SELECT_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);

  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 40) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    onSelected(next);
  }

  function focusRow(index: number) {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    setActive(bounded);
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = rows[active];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(active + moves[event.key]);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : rows.length - 1);
    } else if (event.key === 'Enter' && row) {
      onOpen(row.original);
    } else if (event.key === ' ' && row) {
      event.preventDefault();
      toggle(row.id);
    }
  }

  const allSelected = tasks.length > 0 && tasks.every((t) => selected.has(t.id));
  return (
    <div className="table-wrap" ref={scrollRef} data-testid="experiments-table">
      <div role="grid" aria-label="Experiments" aria-rowcount={hasMore ? -1 : rows.length + 1}
           aria-multiselectable="true" style={{ width, minWidth: '100%' }} onKeyDown={onKeyDown}>
        <div role="row" className="grid-head" aria-rowindex={1}>
          <div role="columnheader" className="head-cell" style={{ width: SELECT_WIDTH }}>
            <input type="checkbox" aria-label="Select all loaded experiments" checked={allSelected}
                   onChange={() => onSelected(allSelected ? new Set() : new Set(tasks.map((t) => t.id)))} />
          </div>
          {table.getHeaderGroups()[0].headers.map((header) => {
            const column = columns.find((c) => c.id === header.id)!;
            const sorted = column.sortField && sort.field === column.sortField;
            return (
              <div key={header.id} role="columnheader" className="head-cell" style={{ width: column.width }}
                   aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                {column.sortField ? (
                  <button type="button" className="sort" onClick={() => onSort({ field: column.sortField!,
                    desc: sorted ? !sort.desc : column.id !== 'name' })}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    {sorted ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : flexRender(header.column.columnDef.header, header.getContext())}
                {column.filter && <ColumnFilter kind={column.filter} label={column.label}
                                                filters={props.filters} onFilters={props.onFilters} />}
              </div>
            );
          })}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <div key="more" role="row" className="grid-row muted" style={{ top: item.start, height: ROW_HEIGHT }}>
                  <div role="gridcell" className="cell">Loading more…</div>
                </div>
              );
            }
            const isSelected = selected.has(row.id);
            return (
              <div key={row.id} role="row" data-index={item.index} aria-rowindex={item.index + 2}
                   aria-selected={isSelected} tabIndex={item.index === active ? 0 : -1}
                   className="grid-row" style={{ top: item.start, height: ROW_HEIGHT }}
                   data-testid="experiment-row"
                   onClick={() => onOpen(row.original)} onFocus={() => setActive(item.index)}>
                <div role="gridcell" className="cell" style={{ width: SELECT_WIDTH }}
                     onClick={(e) => e.stopPropagation()}>
                  <input type="checkbox" tabIndex={-1} aria-label={`Select ${row.original.name}`}
                         checked={isSelected} onChange={() => toggle(row.id)} />
                </div>
                {row.getVisibleCells().map((cell) => (
                  <div key={cell.id} role="gridcell" className="cell" style={{ width: cell.column.getSize() }}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
