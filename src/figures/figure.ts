// What every white-paper figure is and carries (docs/batch-interface.md): title, data date, method, attribution, and its numbers.

/** Printed when no data date was given. */
export const UNSPECIFIED_DATE = '未注明';

export interface FigureOptions {
  /** data date stated on the figure (never the wall clock, so reruns are byte-identical) */
  dataDate: string;
  /** method profile, matrix scheme and aggregation mode in words */
  methodName: string;
  attribution: string;
}

export interface Figure {
  /** file stem, e.g. "F3-risk-by-district" */
  id: string;
  /** "图3 …" */
  title: string;
  svg: string;
  /** the numbers behind the figure (UTF-8 with BOM) */
  csv: string;
  /** SVG user units; the PNG is rendered to the print width at 300 dpi */
  width: number;
  height: number;
}

/** The two lines under every title: 评估基准日 (the date the data describe, as the export asks for it), then method. */
export function figureSubtitle(o: FigureOptions): [string, string] {
  return [`评估基准日 ${o.dataDate}`, `方法 ${o.methodName}`];
}
