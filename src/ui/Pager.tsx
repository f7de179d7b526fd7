// Paging for long tables: only one page of rows is ever in the DOM. A city's 100 000 sites or 70 000 findings as
// table rows made a 1.3 GB DOM that every layout and garbage collection had to walk (each map pan frame took 0.5 s).
import { useEffect, useState } from 'react';
import { useT } from './i18n';

export interface Paged<T> {
  visible: T[];
  page: number;
  pages: number;
  setPage(page: number): void;
}

/** One page of `rows`; when `selectedAt` (an index into `rows`) changes, the page that holds it is shown. */
export function usePaged<T>(rows: T[], pageSize: number, selectedAt: number): Paged<T> {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (selectedAt >= 0) setPage(Math.floor(selectedAt / pageSize));
  }, [selectedAt, pageSize]);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  return { visible: rows.slice(current * pageSize, (current + 1) * pageSize), page: current, pages, setPage };
}

export function Pager({ label, rows, paged }: { label: string; rows: number; paged: Paged<unknown> }) {
  const t = useT();
  if (paged.pages <= 1) return null;
  const { page, pages, setPage } = paged;
  return (
    <nav className="pager" aria-label={t('table.pages', { label })}>
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
        {t('table.previous')}
      </button>
      <span>{t('table.pageOf', { page: page + 1, pages, rows })}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
        {t('table.next')}
      </button>
    </nav>
  );
}
