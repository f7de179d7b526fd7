// Text encodings and formats as a Chinese report names them.
export const ENCODING_ZH: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GB18030',
  gbk: 'GBK',
  json: 'GeoJSON(UTF-8)',
  xlsx: 'Excel 工作簿',
};
