// Coordinates as people write them: decimal degrees, or degrees-minutes-seconds in Western or Chinese notation
// (118°46′30.5″E, 118°46'30.5", 118度46分30.5秒, 东经118°46′30.5″, E118 46 30.5). Returns decimal degrees, or null if unreadable.

const DMS =
  /^\s*([NSEW东西南北])?\s*(\d{1,3}(?:\.\d+)?)\s*(?:[°度]|\s)\s*(?:(\d{1,2}(?:\.\d+)?)\s*(?:['′’分]|\s)\s*)?(?:(\d{1,2}(?:\.\d+)?)\s*(?:["″”秒]|'')?\s*)?([NSEW东西南北])?\s*$/i;

export function parseDegrees(text: string): number | null {
  // a plain number, nearly every cell: Number() skips the same white space as trim(), a prefixed or DMS text is NaN to
  // it, and a blank one (0 to it) is told by trimming
  const number = Number(text);
  if (Number.isFinite(number) && (number !== 0 || text.trim() !== '')) return number;
  // 东经/北纬/西经/南纬 prefixes → hemisphere letters
  const t = text
    .trim()
    .replace(/^(东经|北纬)/, '')
    .replace(/^西经/, 'W')
    .replace(/^南纬/, 'S');
  if (t === '') return null;
  const plain = Number(t);
  if (Number.isFinite(plain)) return plain;
  const m = DMS.exec(t);
  if (!m) return null;
  const [, pre, d, mi, s, post] = m;
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (minutes >= 60 || seconds >= 60) return null;
  const hemisphere = (pre ?? post ?? '').toUpperCase();
  const sign = hemisphere === 'S' || hemisphere === 'W' || hemisphere === '南' || hemisphere === '西' ? -1 : 1;
  return sign * (Number(d) + minutes / 60 + seconds / 3600);
}
