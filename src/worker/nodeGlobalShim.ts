// ECharts' init reads `window` or, failing that, Node's `global`; a worker has neither. Imported first by the
// white-paper worker so the charts render there (SVG strings only, no DOM).
(globalThis as { global?: unknown }).global ??= globalThis;
export {};
