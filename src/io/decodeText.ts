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
  const encoding = forced ?? detectEncoding(bytes);
  const bomLength = bomLengthOf(bytes, encoding);
  const body = bytes.subarray(bomLength);
  if (!encoding.startsWith('utf-16') && body.includes(0)) {
    throw new BinaryFileError('文件含二进制内容,不是文本 CSV (binary content: is it an .xlsx or another format renamed .csv?)');
  }
  return { text: new TextDecoder(encoding).decode(body), encoding };
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function bomLengthOf(bytes: Uint8Array, encoding: TextEncodingName): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}
