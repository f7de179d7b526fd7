// Bytes → text. Excel/WPS in China save CSV as GBK (GB18030) unless told otherwise; Excel's "UTF-8 CSV" adds a BOM.

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export class BinaryFileError extends Error {}

/**
 * Decode with the BOM when present; else strict UTF-8; else GB18030 (a superset of GBK and GB2312).
 * A file with NUL bytes and no UTF-16 BOM is binary (e.g. an .xlsx renamed .csv) and is refused.
 */
export function decodeText(bytes: Uint8Array, forced?: TextEncodingName): DecodedText {
  if (forced === undefined && bomEncoding(bytes) === null) {
    // no BOM: strict UTF-8 tells the encoding and, when it holds, is the text (one decode of a large file, not two)
    if (bytes.includes(0)) throw binaryFile();
    const text = strictUtf8(bytes);
    return text === null
      ? { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
      : { text, encoding: 'utf-8' };
  }
  const encoding = forced ?? detectEncoding(bytes);
  const bomLength = bomLengthOf(bytes, encoding);
  const body = bytes.subarray(bomLength);
  if (!encoding.startsWith('utf-16') && body.includes(0)) {
    throw binaryFile();
  }
  return { text: new TextDecoder(encoding).decode(body), encoding };
}

function binaryFile(): BinaryFileError {
  return new BinaryFileError(
    '文件含二进制内容,不是文本 CSV (binary content: is it an .xlsx or another format renamed .csv?)',
  );
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  return bomEncoding(bytes) ?? (strictUtf8(bytes) === null ? 'gb18030' : 'utf-8');
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The text when the bytes are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function bomLengthOf(bytes: Uint8Array, encoding: TextEncodingName): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}
