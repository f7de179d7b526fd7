// A column of few distinct strings (level, role, category, district…) as codes into its distinct values: a million
// sites cross to a worker as one typed array and a short list, not a million strings.
export interface StringColumn {
  values: string[];
  codes: Uint32Array;
}

export function stringColumnBuilder(length: number): { column: StringColumn; set(i: number, value: string): void } {
  const codeOf = new Map<string, number>();
  const column: StringColumn = { values: [], codes: new Uint32Array(length) };
  return {
    column,
    set(i, value) {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = column.values.length;
        column.values.push(value);
        codeOf.set(value, code);
      }
      column.codes[i] = code;
    },
  };
}

export const valueAt = (c: StringColumn, i: number): string => c.values[c.codes[i]!]!;

/** Many distinct strings (ids) as one text and where each ends: one string to copy instead of a million. */
export interface TextList {
  text: string;
  ends: Uint32Array;
}

export function textListBuilder(length: number): { finish(): TextList; add(i: number, value: string): void } {
  const ends = new Uint32Array(length);
  // joined a few thousand at a time: one join of a million strings would be one long task on the page
  const chunks: string[] = [];
  let parts: string[] = [];
  let at = 0;
  return {
    add(i, value) {
      parts.push(value);
      at += value.length;
      ends[i] = at;
      if (parts.length === 5_000) {
        chunks.push(parts.join(''));
        parts = [];
      }
    },
    finish() {
      chunks.push(parts.join(''));
      parts = [];
      return { text: chunks.join(''), ends };
    },
  };
}

export const textAt = (l: TextList, i: number): string => l.text.slice(i === 0 ? 0 : l.ends[i - 1]!, l.ends[i]!);
