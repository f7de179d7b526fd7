// An error whose message is a catalogue entry: thrown with the zh-CN text (for logs and tests), shown in the
// user's language by whoever catches it.
import { translate, type MessageKey, type Params, type Translate } from './translate';

export class LocalisedError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(translate('zh-CN', key, params));
  }
}

/** The error's message in the language of `t`; errors from elsewhere keep their own message. */
export function messageOf(e: unknown, t: Translate): string {
  return e instanceof LocalisedError ? t(e.key, e.params) : e instanceof Error ? e.message : String(e);
}
