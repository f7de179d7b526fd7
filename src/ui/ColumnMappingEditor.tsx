// The column-mapping step: every source header with the field it was read as; the user corrects it, the file is read
// again that way, and the columns are remembered for files with the same headers. The category for all rows of a file
// without a category column is asked here too, but it is this file's choice: never remembered, never carried over.
import { useState } from 'react';
import { CATEGORIES } from '../engine';
import { CANONICAL_FIELDS } from '../io/columns';
import type { CanonicalField, ImportFileReport, MappingOverride } from '../io';
import { categoryLabel, useLocale, useT } from './i18n';

export function ColumnMappingEditor({
  report,
  onApply,
}: {
  report: ImportFileReport;
  onApply: (mapping: MappingOverride, allRowsCategory: string) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const headers = report.headers ?? [];
  const [fields, setFields] = useState<(CanonicalField | null)[]>(report.columnFields ?? headers.map(() => null));
  const [allRowsCategory, setAllRowsCategory] = useState(report.allRowsCategory ?? '');
  const apply = (): void => {
    const mapping: MappingOverride = Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? null]));
    onApply(mapping, fields.includes('category') ? '' : allRowsCategory);
  };
  const needsAttention =
    !fields.includes('id') ||
    // a category chosen for all rows stands for the column
    (!fields.includes('category') && !allRowsCategory) ||
    (!fields.includes('wkt') && !(fields.includes('lon') && fields.includes('lat')));
  // opens by itself when required fields are missing, then stays as the user leaves it
  const [openAtFirst] = useState(needsAttention);
  if (headers.length === 0) return null;
  return (
    <details open={openAtFirst || undefined}>
      <summary>
        {t('mapping.title')}
        {t(needsAttention ? 'mapping.missing' : 'mapping.correctable')}
      </summary>
      <table aria-label={t('mapping.table', { file: report.file })}>
        <thead>
          <tr>
            <th scope="col">{t('mapping.sourceColumn')}</th>
            <th scope="col">{t('mapping.readAs')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position (headers repeat, or are empty)
            <tr key={i}>
              <td>{h || t('mapping.nthColumn', { n: i + 1 })}</td>
              <td>
                <select
                  aria-label={t('mapping.columnReadAs', { header: h })}
                  value={fields[i] ?? ''}
                  onChange={(e) =>
                    setFields(fields.map((f, j) => (j === i ? ((e.target.value || null) as CanonicalField | null) : f)))
                  }
                >
                  <option value="">{t('mapping.ignore')}</option>
                  {CANONICAL_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(`field.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!fields.includes('category') && (
        <p>
          <label>
            {t('mapping.allRowsCategory')}{' '}
            <select value={allRowsCategory} onChange={(e) => setAllRowsCategory(e.target.value)}>
              <option value="">{t('mapping.noAllRowsCategory')}</option>
              {CATEGORIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {categoryLabel(locale, c.code)}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <button type="button" onClick={apply}>
        {t('mapping.apply')}
      </button>
    </details>
  );
}
