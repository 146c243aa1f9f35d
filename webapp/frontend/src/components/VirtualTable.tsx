import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

const ROW_HEIGHT = 34;
const SELECT_WIDTH = 36;

export interface GridColumn<T> {
  id: string;
  label: string;
  width: number;
  render: (row: T) => ReactNode;
  /** `order_by` field, when the column can sort. */
  sortField?: string;
}

export interface GridSort {
  field: string;
  desc: boolean;
}

export interface VirtualTableProps<T> {
  label: string;
  testId?: string;
  rows: T[];
  columns: GridColumn<T>[];
  rowId: (row: T) => string;
  rowLabel: (row: T) => string;
  sort?: GridSort;
  onSort?: (sort: GridSort) => void;
  /** Extra header content under a column's title (a filter). */
  headerExtra?: (column: GridColumn<T>) => ReactNode;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  selected?: Set<string>;
  onSelected?: (selected: Set<string>) => void;
  onOpen: (row: T) => void;
}

/**
 * A virtualized grid (TanStack Table for the model, TanStack Virtual for the rows): only visible rows are in the
 * DOM, the next page is asked for near the end. Keyboard: arrows/Page/Home/End move, Enter opens, Space selects.
 */
export function VirtualTable<T>(props: VirtualTableProps<T>) {
  const { rows: data, columns, sort, onSort, hasMore = false, loadingMore = false, onLoadMore, selected,
    onSelected, onOpen, rowId, rowLabel } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const selectable = !!selected && !!onSelected;

  const tableColumns = useMemo<ColumnDef<T>[]>(() => columns.map((c) => ({
    id: c.id, header: c.label, size: c.width, cell: (ctx) => c.render(ctx.row.original),
  })), [columns]);
  const table = useReactTable({ data, columns: tableColumns, getCoreRowModel: getCoreRowModel(),
    getRowId: rowId, manualSorting: true, manualFiltering: true });
  const rows = table.getRowModel().rows;
  const width = (selectable ? SELECT_WIDTH : 0) + columns.reduce((sum, c) => sum + c.width, 0);

  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 40) onLoadMore?.();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  function toggle(id: string) {
    if (!selected || !onSelected) return;
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
    if ((event.target as HTMLElement).closest('[role="columnheader"]')) return;
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
    } else if (event.key === ' ' && row && selectable) {
      event.preventDefault();
      toggle(row.id);
    }
  }

  const allSelected = !!selected && data.length > 0 && data.every((r) => selected.has(rowId(r)));
  return (
    <div className="table-wrap" ref={scrollRef} data-testid={props.testId}>
      <div role="grid" aria-label={props.label} aria-rowcount={hasMore ? -1 : rows.length + 1}
           aria-multiselectable={selectable || undefined} style={{ width, minWidth: '100%' }} onKeyDown={onKeyDown}>
        <div role="row" className="grid-head" aria-rowindex={1}>
          {selectable && (
            <div role="columnheader" className="head-cell" style={{ width: SELECT_WIDTH }}>
              <input type="checkbox" aria-label="Select all loaded rows" checked={allSelected}
                     onChange={() => onSelected!(allSelected ? new Set() : new Set(data.map(rowId)))} />
            </div>
          )}
          {table.getHeaderGroups()[0].headers.map((header) => {
            const column = columns.find((c) => c.id === header.id)!;
            const sorted = !!sort && !!column.sortField && sort.field === column.sortField;
            const title = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <div key={header.id} role="columnheader" className="head-cell" style={{ width: column.width }}
                   aria-sort={sorted ? (sort!.desc ? 'descending' : 'ascending') : 'none'}>
                {column.sortField && onSort ? (
                  <button type="button" className="sort" onClick={() => onSort({ field: column.sortField!,
                    desc: sorted ? !sort!.desc : column.id !== 'name' })}>
                    {title}{sorted ? (sort!.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : title}
                {props.headerExtra?.(column)}
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
            const isSelected = !!selected?.has(row.id);
            return (
              <div key={row.id} role="row" data-index={item.index} aria-rowindex={item.index + 2}
                   aria-selected={selectable ? isSelected : undefined} tabIndex={item.index === active ? 0 : -1}
                   className="grid-row" style={{ top: item.start, height: ROW_HEIGHT }}
                   data-testid={props.testId ? `${props.testId}-row` : undefined}
                   onClick={() => onOpen(row.original)} onFocus={() => setActive(item.index)}>
                {selectable && (
                  <div role="gridcell" className="cell" style={{ width: SELECT_WIDTH }}
                       onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" tabIndex={-1} aria-label={`Select ${rowLabel(row.original)}`}
                           checked={isSelected} onChange={() => toggle(row.id)} />
                  </div>
                )}
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
