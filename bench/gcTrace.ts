// V8's trace of every young-generation collection (scavenge) in the browser, per isolate: how much the page's garbage
// collector had to move, a steadier measure than the longest task. Chromium prints the trace (--js-flags=
// --trace-gc-nvp) on its output, which playwright passes on to this process's stderr when DEBUG=pw:browser.
export const GC_TRACE_ARGS = ['--js-flags=--trace-gc-nvp'];

export interface ScavengeTotals {
  /** V8's isolate number in its process: 0 is the page's main thread, workers come after */
  isolate: number;
  scavenges: number;
  pauseMs: number;
  longestPauseMs: number;
  /** bytes that survived a scavenge or were promoted by one: what the collector copied */
  keptBytes: number;
}

let lines: string[] | null = null;

/** Starts collecting the trace lines (once per process); `take` returns the totals since the last take. */
export function captureGcTrace(): { take(): ScavengeTotals[] } {
  if (!process.env.DEBUG?.includes('pw:browser'))
    throw new Error('run with DEBUG=pw:browser: the GC trace comes through playwright’s browser log');
  if (lines === null) {
    lines = [];
    const write = process.stderr.write.bind(process.stderr) as (chunk: unknown, ...rest: unknown[]) => boolean;
    (process.stderr as unknown as { write: typeof write }).write = (chunk, ...rest) => {
      const text = String(chunk);
      if (!text.includes('pw:browser')) return write(chunk, ...rest);
      if (text.includes('GC: {')) lines!.push(text);
      return true;
    };
  }
  return {
    take() {
      // threads write at once, so a record can be cut by another: only whole records are counted
      const text = lines!.splice(0).join('');
      const byIsolate = new Map<string, ScavengeTotals>();
      for (const m of text.matchAll(/\[\d+:(0x[0-9a-f]+):(\d+)\][^{[]*GC: (\{[^{}]*\})/g)) {
        let gc: { gc: string; pause: number; new_space_survived: number; promoted: number };
        try {
          gc = JSON.parse(m[3]!);
        } catch {
          continue;
        }
        if (gc.gc !== 's') continue;
        const t = byIsolate.get(m[1]!) ?? {
          isolate: Number(m[2]),
          scavenges: 0,
          pauseMs: 0,
          longestPauseMs: 0,
          keptBytes: 0,
        };
        t.scavenges++;
        t.pauseMs += gc.pause;
        t.longestPauseMs = Math.max(t.longestPauseMs, gc.pause);
        t.keptBytes += gc.new_space_survived + gc.promoted;
        byIsolate.set(m[1]!, t);
      }
      return [...byIsolate.values()].sort((a, b) => a.isolate - b.isolate);
    },
  };
}
