// A catalogue message whose placeholders hold elements (a bold count, a data value), not only text.
import { Fragment, type ReactNode } from 'react';
import { translateParts, type MessageKey } from '../i18n/translate';
import { useLocale } from './i18n';

export function Message({ id, values }: { id: MessageKey; values: Record<string, ReactNode> }) {
  const locale = useLocale();
  return (
    <>
      {translateParts<ReactNode>(locale, id, values).map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a part is its position in the message
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}
