// Deterministic pagination of the printed white paper. Chromium prints page numbers in @page margin boxes
// (counter(page)) but cannot compute target-counter() for a table of contents, so the pages are laid out here: each
// part starts a page, blocks are stacked by an estimate of their printed height that errs on the tall side, and
// tables are split into pages row by row (header repeated). The page each heading lands on is then known.
import { textWidth } from '../figures/mapLayout';

export type Orientation = 'portrait' | 'landscape';

/** Printable area (mm) inside the @page margins of report.ts's CSS. */
export const CONTENT_MM: Record<Orientation, { width: number; height: number }> = {
  portrait: { width: 210 - 2 * 16, height: 297 - 18 - 20 },
  landscape: { width: 297 - 2 * 12, height: 210 - 14 - 16 },
};

const PT = 25.4 / 72;

/** Typography shared with the CSS (report.ts): sizes in pt, line heights as multiples. */
export const TYPE = {
  body: { size: 10.5, line: 1.6 },
  note: { size: 9, line: 1.5 },
  table: { size: 8.5, line: 1.35 },
} as const;

/** Lines a text takes in a box `widthMm` wide at `sizePt`: greedy fill, CJK characters one by one, Latin by word. */
export function lineCount(text: string, sizePt: number, widthMm: number): number {
  const size = sizePt * PT * 1.06; // a little wider than the font's advance: rounding, bold, kerning
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let x = 0;
    for (const token of paragraph.match(/[\u2E80-\uFFEF]|[^\s\u2E80-\uFFEF]+\s*|\s+/g) ?? []) {
      let w = textWidth(token, size);
      if (x + w <= widthMm) {
        x += w;
        continue;
      }
      if (x > 0) {
        lines++;
        x = 0;
      }
      // a token wider than the line breaks anywhere (CSS overflow-wrap: anywhere)
      while (w > widthMm) {
        lines++;
        w -= widthMm;
      }
      x = w;
    }
  }
  return lines;
}

export function paragraphMm(
  text: string,
  widthMm: number,
  type: { size: number; line: number } = TYPE.body,
  marginMm = 2.5,
): number {
  return lineCount(text, type.size, widthMm) * type.size * PT * type.line + marginMm;
}

export const H2_MM = 15;
export const H3_MM = 13;
export const CAPTION_MM = 10;

export interface PrintCell {
  text: string;
  /** class of the <td>, e.g. a level colour */
  cls?: string;
  numeric?: boolean;
  /** a row header (<th scope="row">) */
  header?: boolean;
}

export interface PrintTable {
  headers: string[];
  /** column shares of the table width, in %, summing to 100 */
  widths: number[];
  rows: PrintCell[][];
}

const CELL_PAD_MM = 2 * 3 * PT + 0.4; // left and right padding (3pt) and borders
const ROW_PAD_MM = 2 * 1.5 * PT + 0.4;

/** Height of one table row at the given table width. */
export function rowMm(cells: { text: string }[], widths: number[], tableWidthMm: number): number {
  let lines = 1;
  cells.forEach((c, i) => {
    lines = Math.max(lines, lineCount(c.text, TYPE.table.size, (tableWidthMm * widths[i]!) / 100 - CELL_PAD_MM));
  });
  return lines * TYPE.table.size * PT * TYPE.table.line + ROW_PAD_MM;
}

/** A block of the flow: fixed HTML of a known height, a splittable table, or a forced page break. */
export type Block =
  | { kind: 'html'; html: string; mm: number; keepWithNext?: boolean; anchor?: string }
  | { kind: 'table'; table: PrintTable; anchor?: string }
  | { kind: 'break' };

export interface Part {
  orientation: Orientation;
  blocks: Block[];
}

export interface Page {
  orientation: Orientation;
  html: string[];
  /** ids of the headings that start on this page */
  anchors: string[];
}

/** Lays the parts out on pages; every part starts a page. */
export function paginate(parts: Part[], renderTable: (t: PrintTable, rows: PrintCell[][]) => string): Page[] {
  const pages: Page[] = [];
  for (const part of parts) {
    const area = CONTENT_MM[part.orientation];
    let page: Page = { orientation: part.orientation, html: [], anchors: [] };
    let used = 0;
    const newPage = () => {
      pages.push(page);
      page = { orientation: part.orientation, html: [], anchors: [] };
      used = 0;
    };
    const blocks = part.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.kind === 'break') {
        if (used > 0) newPage();
        continue;
      }
      if (block.kind === 'html') {
        // a heading moves with the start of what follows it
        const next = blocks[b + 1];
        const need = block.mm + (block.keepWithNext && next ? firstPieceMm(next, area.width) : 0);
        if (used > 0 && used + need > area.height) newPage();
        page.html.push(block.html);
        if (block.anchor) page.anchors.push(block.anchor);
        used += block.mm;
        continue;
      }
      const t = block.table;
      const headerMm =
        rowMm(
          t.headers.map((text) => ({ text })),
          t.widths,
          area.width,
        ) + 1;
      const rowsMm = t.rows.map((r) => rowMm(r, t.widths, area.width));
      let i = 0;
      do {
        if (used > 0 && used + headerMm + (rowsMm[i] ?? 0) > area.height) newPage();
        if (i === 0 && block.anchor) page.anchors.push(block.anchor);
        let h = used + headerMm;
        let j = i;
        // at least one row per page, however tall, so a table always progresses
        while (j < t.rows.length && (j === i || h + rowsMm[j]! <= area.height)) h += rowsMm[j++]!;
        page.html.push(renderTable(t, t.rows.slice(i, j)));
        used = h + 4;
        i = j;
      } while (i < t.rows.length);
    }
    if (page.html.length) pages.push(page);
  }
  return pages;
}

function firstPieceMm(b: Block, widthMm: number): number {
  if (b.kind === 'html') return b.mm;
  if (b.kind === 'table')
    return (
      rowMm(
        b.table.headers.map((text) => ({ text })),
        b.table.widths,
        widthMm,
      ) + (b.table.rows[0] ? rowMm(b.table.rows[0], b.table.widths, widthMm) : 0)
    );
  return 0;
}
