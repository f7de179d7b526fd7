// XLSX (Excel/WPS) → the same rows as CSV: the first sheet (or a named one), row numbers as Excel shows them.
import type { RowTable } from './readRows';
import { FileFormatError } from './geoJsonFeatures';

export async function readXlsxRows(
  bytes: Uint8Array,
  sheetName?: string,
): Promise<RowTable & { sheets: string[]; sheet: string }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new FileFormatError(
      `无法读取 XLSX 文件(${(e as Error).message});请确认是 Excel/WPS 保存的 .xlsx,或另存为 CSV`,
    );
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet)
    throw new FileFormatError(
      sheetName ? `工作表「${sheetName}」不存在(有:${sheets.join('、')})` : 'XLSX 文件中没有工作表',
    );
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1); // ExcelJS rows are 1-based
    rows.push({ line: rowNumber, cells: values.map(cellText) });
  });
  const header = rows.shift();
  if (!header) throw new FileFormatError(`工作表「${sheet.name}」为空,没有表头`);
  const width = header.cells.length;
  return {
    headers: header.cells,
    rows: rows.map((r) => ({ ...r, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? '') })),
    sheets,
    sheet: sheet.name,
  };
}

/** Cell value as the text a user sees: numbers in full precision, formulas by their result, rich text joined. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (typeof o.text === 'string') return o.text.trim();
  }
  return String(v).trim();
}
