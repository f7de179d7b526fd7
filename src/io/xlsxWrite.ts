// XLSX tables for people: Chinese headers, column widths, frozen header row. ExcelJS is loaded on demand.
import { neutraliseCell, type CsvColumn } from './csvWrite';
import { restampZip } from './stableZip';

/** Fixed workbook dates: the file records no wall clock. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function toXlsx<T>(
  sheetName: string,
  rows: readonly T[],
  columns: readonly (CsvColumn<T> & { width?: number })[],
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Urban Safety Risk Map';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        if (v === null || v === undefined) return null;
        if (typeof v === 'number') return c.digits === undefined ? v : Number(v.toFixed(c.digits));
        return neutraliseCell(v);
      }),
    );
  }
  // ExcelJS dates the zip entries with the wall clock: re-pack so the same table gives the same bytes
  return restampZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
