// CSV written straight to UTF-8 bytes, byte for byte what `csvChunks` writes (papaparse's quoting, formula cells
// neutralised). The CLI's violations.csv runs to hundreds of MB whose long cells (source, note, class reason) repeat
// on every row: built as strings and then encoded, most of the command's time went to papaparse and to UTF-8
// encoding. Here each cell is encoded once into a large buffer, and a long cell that repeats is encoded once per
// column and copied after that. Plain Uint8Array: runs in the browser and in Node.
import type { CsvColumn } from './csvWrite';

/** Bytes per chunk handed to `emit` (a row longer than this gets a chunk of its own size). */
const CHUNK_BYTES = 1 << 20;
/** Strings at least this long are looked up in the column's cache of encoded cells. */
const CACHED_LENGTH = 16;
/** A column's cache is cleared when it holds this many cells, and given up when it mostly misses. */
const CACHE_ENTRIES = 2048;
const CACHE_TRIAL = 4096;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const UTF8_BOM_BYTES = [0xef, 0xbb, 0xbf];
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const UTF8 = new TextEncoder();
const QUOTE = 0x22;

interface ColumnCache {
  cells: Map<string, Uint8Array> | null;
  hits: number;
  misses: number;
}

/**
 * Rows in, UTF-8 chunks out through `emit`. `header()` first, `row()` for each row, `end()` last. A chunk may end
 * mid-row; joined, the chunks are the file. Each chunk is a fresh array the caller may keep, or with `reuse` a view
 * of one buffer, valid only until `emit` returns (for a caller that writes it synchronously: no new megabyte to
 * allocate and clear for each chunk).
 */
export class CsvByteWriter<T> {
  private buf = new Uint8Array(CHUNK_BYTES);
  private pos = 0;
  private rows = 0;
  private readonly caches: ColumnCache[];

  constructor(
    private readonly columns: readonly CsvColumn<T>[],
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly options: { bom?: boolean; reuse?: boolean } = {},
  ) {
    this.caches = columns.map(() => ({ cells: new Map(), hits: 0, misses: 0 }));
  }

  header(): void {
    if (this.options.bom) for (const b of UTF8_BOM_BYTES) this.byte(b);
    this.columns.forEach((c, i) => {
      if (i > 0) this.byte(COMMA);
      this.text(c.header, false); // headers are quoted when needed, never neutralised (as csvChunks writes them)
    });
    this.byte(NEWLINE);
  }

  row(row: T): void {
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) this.byte(COMMA);
      const c = columns[i]!;
      const v = c.value(row);
      if (v === null || v === undefined) continue;
      if (typeof v === 'number') this.number(v, c.digits);
      else if (v.length >= CACHED_LENGTH) this.cachedText(v, this.caches[i]!);
      else this.text(v, true);
    }
    this.byte(NEWLINE);
    this.rows++;
  }

  /** The rows written so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Hands on what is buffered (a caller appending bytes of its own after these rows flushes first). */
  flush(): void {
    if (this.pos === 0) return;
    this.emit(this.buf.subarray(0, this.pos));
    this.pos = 0;
    if (!this.options.reuse) this.buf = new Uint8Array(0); // the chunk handed on is the caller's; the next write allocates
  }

  /**
   * Flushes what is left. A table without rows is its header and one empty line, as csvChunks writes it;
   * `rowsElsewhere`: rows of the same table another writer made and the caller appended (a batch run's other parts).
   */
  end(rowsElsewhere = 0): void {
    if (this.rows + rowsElsewhere === 0) this.byte(NEWLINE);
    this.flush();
    this.buf = new Uint8Array(0);
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    if (this.pos > 0) this.emit(this.buf.subarray(0, this.pos));
    if (!this.options.reuse || bytes > this.buf.length) this.buf = new Uint8Array(Math.max(CHUNK_BYTES, bytes));
    this.pos = 0;
  }

  private byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /**
   * `String(v)` or `v.toFixed(digits)`, written as digits straight into the buffer where that is exact: the rounded
   * value is certain when v × 10^digits stays below 2^31 (an error under 2^-22) and is not within 10^-6 of a half.
   * Anything else (a half, a huge or odd value) goes through toFixed/String itself.
   */
  private number(v: number, digits: number | undefined): void {
    const scale = digits === undefined ? 1 : POW10[digits];
    const r = Math.abs(v) * scale!;
    if (scale === undefined || !(r < 2 ** 31) || (digits === undefined && !Number.isInteger(v))) {
      return this.ascii(digits === undefined ? String(v) : v.toFixed(digits));
    }
    const floor = Math.floor(r);
    if (Math.abs(r - floor - 0.5) < 1e-6) return this.ascii(v.toFixed(digits!));
    const m = r - floor > 0.5 ? floor + 1 : floor;
    this.room(24);
    const buf = this.buf;
    if (v < 0) buf[this.pos++] = 0x2d; // -0 is not below 0: written "0", as String and toFixed write it
    const whole = digits === undefined ? m : Math.floor(m / scale!);
    this.digits(whole, 0);
    if (digits) {
      buf[this.pos++] = 0x2e;
      this.digits(m - whole * scale!, digits);
    }
  }

  /** A whole number below 2^31 in decimal, padded with zeros to `width`. */
  private digits(n: number, width: number): void {
    let len = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) len++;
    if (len < width) len = width;
    const buf = this.buf;
    let p = this.pos + len;
    this.pos = p;
    for (let k = 0; k < len; k++) {
      const q = Math.floor(n / 10);
      buf[--p] = 0x30 + (n - q * 10);
      n = q;
    }
  }

  /** A number's text: ASCII digits, sign, point, exponent; never quoted. */
  private ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  private cachedText(s: string, cache: ColumnCache): void {
    const cells = cache.cells;
    if (cells === null) return this.text(s, true);
    const hit = cells.get(s);
    if (hit !== undefined) {
      cache.hits++;
      this.room(hit.length);
      this.buf.set(hit, this.pos);
      this.pos += hit.length;
      return;
    }
    cache.misses++;
    const start = this.writeText(s, true);
    if (cache.misses >= CACHE_TRIAL && cache.hits < cache.misses) {
      cache.cells = null; // a column of distinct values (ids, names): the cache would only cost
      return;
    }
    if (cells.size >= CACHE_ENTRIES) cells.clear();
    cells.set(s, this.buf.slice(start, this.pos));
  }

  private text(s: string, neutralise: boolean): void {
    this.writeText(s, neutralise);
  }

  /** Writes one text cell; returns where it starts in the buffer (the whole cell is in the current buffer). */
  private writeText(s: string, neutralise: boolean): number {
    // room for the worst case at once, so the cell never straddles two buffers: with the apostrophe and every
    // character a doubled quote, 2n + 1 units of at most 3 bytes each, plus two quotes
    this.room(6 * s.length + 5);
    const start = this.pos;
    if (!this.plain(s, neutralise)) {
      this.pos = start;
      this.quoted(neutralise && FORMULA_START.test(s) ? `'${s}` : s);
    }
    return start;
  }

  /**
   * The cell as it is when it needs neither quotes nor the formula prefix (nearly every cell): encoded in one pass
   * that gives up (false) at the first character that needs either.
   */
  private plain(s: string, neutralise: boolean): boolean {
    const n = s.length;
    if (n === 0) return true;
    const first = s.charCodeAt(0);
    if (first === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
    if (
      neutralise &&
      (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d)
    )
      return false;
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === COMMA || c === QUOTE || c === NEWLINE || c === 0x0d) return false;
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c === 0xfeff) {
        return false; // papaparse quotes a cell holding a byte-order mark
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
      } else {
        const u = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c; // a lone surrogate, as TextEncoder writes it
        buf[p++] = 0xe0 | (u >> 12);
        buf[p++] = 0x80 | ((u >> 6) & 0x3f);
        buf[p++] = 0x80 | (u & 0x3f);
      }
    }
    this.pos = p;
    return true;
  }

  /** papaparse's `safe` for a text cell: quotes doubled; quoted when it holds , " CR LF or a BOM, or starts or ends with a space. */
  private quoted(text: string): void {
    const quote = /[,"\r\n\uFEFF]/.test(text) || text.startsWith(' ') || text.endsWith(' ');
    const escaped = text.replace(/"/g, '""');
    if (quote) this.buf[this.pos++] = QUOTE;
    this.anyText(escaped);
    if (quote) this.buf[this.pos++] = QUOTE;
  }

  /** UTF-8 of any text, no checks (the platform's encoder: lone surrogates as U+FFFD, room made by the caller). */
  private anyText(s: string): void {
    this.pos += UTF8.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The same file as `csvChunks(rows, columns, options)`, as UTF-8 chunks. */
export function* csvByteChunks<T>(
  rows: Iterable<T>,
  columns: readonly CsvColumn<T>[],
  options: { bom?: boolean } = {},
): Generator<Uint8Array> {
  // each chunk is yielded while the writer may go on: fresh arrays (a consumer may hold one past the next)
  const ready: Uint8Array[] = [];
  const writer = new CsvByteWriter(columns, (chunk) => ready.push(chunk), options);
  writer.header();
  for (const row of rows) {
    writer.row(row);
    while (ready.length) yield ready.shift()!;
  }
  writer.end();
  while (ready.length) yield ready.shift()!;
}
