// A labelled file picker. Each choice goes to its handler once and the input is cleared, so choosing the same file
// again (after fixing it) reads it again: a browser fires no change for the file already chosen.
import { useId } from 'react';

type Props = { label: string; accept: string; disabled?: boolean } & (
  | { multiple?: false; onFile(file: File): unknown }
  | { multiple: true; onFiles(files: File[]): unknown }
);

export function FileUpload(props: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>{' '}
      <input
        id={id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (props.multiple) void props.onFiles(files);
          else if (files[0]) void props.onFile(files[0]);
        }}
      />
    </>
  );
}
