// The CLI's two kinds of failure, apart from the work so main.ts can tell them without loading it.
// UsageError → exit 2 (usage on stderr); InputError → exit 1 (the reason on stderr).
export class UsageError extends Error {}
export class InputError extends Error {}
