// A sortable, paged table whose rows select things on the map: the accessible equivalent of the canvas.
// Each row's first cell is a button (keyboard: Tab, Enter); the selected row is marked and brought into view.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Pager, usePaged } from './Pager';
import { sortRowsRemembered } from './sortRows';

export interface Column<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
  /** rows that are positions: each position's value as a small integer, sorted by counting (sortRows) */
  ranks?: Uint8Array;
}

interface Props<T> {
  label: string;
  /** an array, or a typed array of positions */
  rows: ArrayLike<T>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** the selected row itself (one of `rows`), or null */
  selected: T | null;
  onSelect: (row: T) => void;
  pageSize?: number;
  initialSort?: { key: string; descending: boolean };
}

export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  selected,
  onSelect,
  pageSize = 50,
  initialSort,
}: Props<T>) {
  const [sort, setSort] = useState(initialSort ?? { key: columns[0]!.key, descending: false });
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    return sortRowsRemembered(
      rows,
      columns,
      { key: column.key, descending: sort.descending },
      column.value,
      column.ranks,
    );
  }, [rows, columns, sort]);
  // a selection made on the map turns to the page that holds its row (found by identity: a native scan, no callback)
  const selectedAt = useMemo(() => (selected === null ? -1 : sorted.indexOf(selected)), [sorted, selected]);
  const paged = usePaged(sorted, pageSize, selectedAt);
  // biome-ignore lint/correctness/useExhaustiveDependencies: selected and page trigger the scroll into view
  useEffect(() => {
    selectedRow.current?.scrollIntoView({ block: 'nearest' });
  }, [selected, paged.page]);
  return (
    <div>
      <div className="table-scroll tall">
        <table aria-label={label} aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort({ key: c.key, descending: sort.key === c.key ? !sort.descending : c.numeric === true })
                    }
                  >
                    {c.header}
                    {sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paged.visible.map((row) => {
              const key = rowKey(row);
              const isSelected = row === selected;
              return (
                <tr key={key} aria-selected={isSelected} ref={isSelected ? selectedRow : undefined} data-key={key}>
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {i === 0 ? (
                        <button type="button" className="link" onClick={() => onSelect(row)}>
                          {c.render ? c.render(row) : c.value(row)}
                        </button>
                      ) : c.render ? (
                        c.render(row)
                      ) : (
                        c.value(row)
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager label={label} rows={rows.length} paged={paged} />
    </div>
  );
}
