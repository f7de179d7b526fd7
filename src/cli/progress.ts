// A one-line progress report on stderr — "assessing  42%" — rewritten in place with \r and cleared at the end.
// Only on a terminal: a pipe, a log file or a test sees nothing.
export type ProgressReport = (stage: string, share: number) => void;

export interface ProgressLine {
  report: ProgressReport;
  /** erases the line (call before printing anything else) */
  clear: () => void;
}

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  write: (text: string) => unknown;
}

export function progressLine(stream: Terminal = process.stderr): ProgressLine {
  if (!stream.isTTY) return { report: () => {}, clear: () => {} };
  let shown = '';
  return {
    report: (stage, share) => {
      const percent = Math.floor(100 * Math.min(1, Math.max(0, share)));
      const line = `${stage} ${String(percent).padStart(3)}%`.slice(0, Math.max(10, (stream.columns || 80) - 1));
      if (line === shown) return; // the engine reports often; the terminal is written only when the text changes
      stream.write(`\r${line.padEnd(shown.length)}`);
      shown = line;
    },
    clear: () => {
      if (shown) stream.write(`\r${' '.repeat(shown.length)}\r`);
      shown = '';
    },
  };
}
