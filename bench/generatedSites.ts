// The generated site file the import benchmarks read: N rows with Chinese headers and categories, a quoted field
// with a comma, coordinates spread over Nanjing (all rows valid, so every row is parsed, validated and converted).
import { readFileSync } from 'node:fs';
/**
 * The CSV a browser benchmark uploads: the file named by FILE (a CSV of one's own), else the generated city of
 * `rows` rows; with its count of data rows (non-empty lines after the header).
 */
export function benchSitesCsv(rows: number): { text: string; rows: number } {
  const file = process.env.FILE;
  if (!file) return { text: generatedSitesCsv(rows), rows };
  const text = readFileSync(file, 'utf8');
  let lines = 0;
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const stop = end < 0 ? text.length : end;
    if (text.slice(at, stop).trim() !== '') lines++;
    at = stop + 1;
  }
  return { text, rows: lines - 1 };
}

export function generatedSitesCsv(rows: number): string {
  const CATEGORIES = ['加油站', '建筑施工', '学校', '人员密集场所', '道路交通隐患点段'];
  const lines = ['编号,名称,类别,经度,纬度,所属区域,可能性,严重性,管控措施'];
  for (let i = 0; i < rows; i++) {
    const lon = (118.4 + (i % 997) * 0.0008).toFixed(6);
    const lat = (31.3 + (i % 991) * 0.0012).toFixed(6);
    lines.push(
      `R${i},示例风险点${i},${CATEGORIES[i % 5]},${lon},${lat},鼓楼区,${1 + (i % 5)},${1 + ((i * 3) % 5)},"巡查,记录"`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * A generated city of points for the batch CLI: rows in clusters of five on a ~200 m lattice over Nanjing — a petrol
 * station (hazard), a school 28 m east of it (a protection target too close: a finding), a residential block 90 m
 * north, a construction site and a road hazard (risk points, scored). Every `rejectEvery`-th row has a longitude that
 * is not a number, so the import rejects it. Returns the text and how many rows are to be rejected.
 */
export function generatedPointCityCsv(rows: number, rejectEvery = 1000): { text: string; rejected: number } {
  const KINDS = [
    { category: '加油站', dLon: 0, dLat: 0 },
    { category: '学校', dLon: 0.0003, dLat: 0 },
    { category: '居住区', dLon: 0, dLat: 0.0008 },
    { category: '建筑施工', dLon: -0.0007, dLat: -0.0005 },
    { category: '道路交通隐患点段', dLon: 0.0009, dLat: -0.0006 },
  ];
  const side = Math.ceil(Math.sqrt(rows / KINDS.length));
  const lines = ['编号,名称,类别,经度,纬度,可能性,严重性'];
  let rejected = 0;
  for (let i = 0; i < rows; i++) {
    const cluster = Math.floor(i / KINDS.length);
    const kind = KINDS[i % KINDS.length]!;
    const lon = 118.5 + (cluster % side) * 0.002 + kind.dLon;
    const lat = 31.8 + Math.floor(cluster / side) * 0.002 + kind.dLat;
    const bad = rejectEvery > 0 && i % rejectEvery === rejectEvery - 1;
    if (bad) rejected++;
    lines.push(
      `P${i},生成点${i},${kind.category},${bad ? '东经' : lon.toFixed(6)},${lat.toFixed(6)},${1 + (i % 5)},${1 + ((i * 3) % 5)}`,
    );
  }
  return { text: lines.join('\n') + '\n', rejected };
}
