// A message kept in the store until it is shown: a catalogue key with its parameters, translated when shown, so it
// follows a language switch (a string translated when stored stayed in the old language). Text from elsewhere (a
// library's error) is kept as it came. A parameter may itself be a message (e.g. the reason inside "cannot open").
import { LocalisedError } from './localisedError';
import type { MessageKey, Translate } from './translate';

export type ShownMessage =
  | { key: MessageKey; params?: Record<string, string | number | ShownMessage> }
  | { text: string };

export function message(key: MessageKey, params?: Record<string, string | number | ShownMessage>): ShownMessage {
  return params ? { key, params } : { key };
}

/** An error as a message: a LocalisedError keeps its key, any other error its own text. */
export function messageOfError(e: unknown): ShownMessage {
  if (e instanceof LocalisedError) return message(e.key, e.params as Record<string, string | number>);
  return { text: e instanceof Error ? e.message : String(e) };
}

/** "file: reason" — a message prefixed by the file it is about (no catalogue entry: the colon is the same in both languages). */
export function aboutFile(file: string, m: ShownMessage): ShownMessage {
  return { key: 'message.aboutFile', params: { file, message: m } };
}

export function showMessage(t: Translate, m: ShownMessage): string {
  if ('text' in m) return m.text;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = typeof v === 'object' ? showMessage(t, v) : v;
  return t(m.key, params);
}
