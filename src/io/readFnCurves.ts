// F–N curves for societal risk (issue #20 item 5): a CSV (UTF-8 or GBK, as sites) of installation id, N (deaths) and
// F (cumulative frequency of N or more deaths, per year), one row per point. Every row is accounted for, as for
// sites and contours: accepted, or rejected with its line and reason. Rejected: a missing or non-numeric cell, N < 1,
// F outside (0, 1], an id that is not an imported hazard, and a second row for an N the installation already has
// (two frequencies for one N contradict each other; the first is kept). Kept with a warning: a frequency that rises
// with N — it cannot, so the assessor's table is wrong somewhere, but it is their result and is judged as given.
import type { FnCurve, FnPoint } from '../engine';
import { decodeText } from './decodeText';
import type { ImportFileReport, RowError } from './importSites';
import { parseRisk } from './readContours';
import { FileFormatError } from './geoJsonFeatures';
import { forEachCsvRow } from './readRows';
import { NO_COORDINATES } from './importCodes';

export interface FnCurveImport {
  curves: FnCurve[];
  report: ImportFileReport;
}

// compared after lower-casing and dropping spaces and a bracketed unit ("F(次/年)", "死亡人数（人）")
const ID_HEADERS = ['installation_id', 'site_id', 'hazard_id', '装置编号', '危险源编号', '企业编号', '编号', 'id'];
const N_HEADERS = ['n', 'deaths', 'fatalities', '死亡人数', '死亡人数n', '人数n'];
const F_HEADERS = [
  'f',
  'frequency',
  'cumulative_frequency',
  '累积频率',
  '累计频率',
  '累积频率f',
  '累计频率f',
  '频率',
  '频率f',
];

const headerKey = (h: string) =>
  h
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

/**
 * `installations`: the ids of the hazard sites imported beside (a curve of another id is rejected: it belongs to
 * nothing assessed); omit to accept any id. Curves come out in the order their installations first appear, each
 * with its points by rising N.
 */
export function readFnCurves(file: string, bytes: Uint8Array, installations?: ReadonlySet<string>): FnCurveImport {
  const { text, encoding } = decodeText(bytes);
  // the columns read, set from the header (forEachCsvRow throws before any row if there is none)
  const columns = { id: -1, n: -1, f: -1 };
  let headers: string[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const byInstallation = new Map<string, { point: FnPoint; line: number }[]>();
  let rows = 0;
  forEachCsvRow(
    text,
    (h) => {
      headers = h;
      const keys = h.map(headerKey);
      const find = (names: string[]) => names.map((n) => keys.indexOf(n)).find((i) => i >= 0) ?? -1;
      const found = { id: find(ID_HEADERS), n: find(N_HEADERS), f: find(F_HEADERS) };
      const missing = [
        found.id < 0 ? '装置编号 (installation_id)' : '',
        found.n < 0 ? '死亡人数 (N)' : '',
        found.f < 0 ? '累积频率 (F)' : '',
      ].filter(Boolean);
      if (missing.length)
        throw new FileFormatError(
          `F-N 曲线文件缺少列:${missing.join('、')}(表头应为 installation_id,N,F 或 装置编号,死亡人数,累积频率)`,
        );
      Object.assign(columns, found);
    },
    (row) => {
      rows++;
      const c = columns;
      const { line } = row;
      const reject = (field: string, reason: string) => void errors.push({ line, field, reason });
      const id = row.cells[c.id] ?? '';
      const nText = row.cells[c.n] ?? '';
      const fText = row.cells[c.f] ?? '';
      if (!id) return reject('installation_id', `第 ${line} 行未注明装置编号`);
      if (installations && !installations.has(id))
        return reject('installation_id', `装置编号「${id}」不在已导入的危险源中,无法判定其社会风险`);
      const n = nText === '' ? NaN : Number(nText);
      if (!Number.isFinite(n))
        return reject('N', nText === '' ? `第 ${line} 行未注明死亡人数 N` : `死亡人数「${nText}」不是数`);
      if (n < 1) return reject('N', `死亡人数 N=${nText} 小于 1(F-N 曲线从 N=1 起)`);
      const f = parseRisk(fText);
      if (f === undefined) {
        return reject(
          'F',
          fText === ''
            ? `第 ${line} 行未注明累积频率 F`
            : Number.isFinite(Number(fText))
              ? `累积频率 F=${fText} 不在 0 与 1 之间(每年,大于 0)`
              : `累积频率「${fText}」不是每年频率(如 1e-5、1×10-5)`,
        );
      }
      const list = byInstallation.get(id) ?? [];
      byInstallation.set(id, list);
      const same = list.find((p) => p.point.n === n);
      if (same)
        return reject(
          'N',
          `装置「${id}」已有 N=${n} 的点(第 ${same.line} 行),同一 N 只能有一个累积频率;保留第 ${same.line} 行`,
        );
      list.push({ point: { n, f }, line });
    },
  );
  const curves: FnCurve[] = [];
  for (const [id, list] of byInstallation) {
    list.sort((a, b) => a.point.n - b.point.n);
    list.forEach((p, i) => {
      const prev = list[i - 1];
      if (prev && p.point.f > prev.point.f) {
        warnings.push({
          line: p.line,
          field: 'F',
          code: 'fn_frequency_rises',
          reason: `装置「${id}」N=${p.point.n} 的累积频率 ${fText(p.point.f)} 高于 N=${prev.point.n} 的 ${fText(prev.point.f)}(第 ${prev.line} 行):累积频率不随 N 增大而升高,请核对定量风险评价结果(按原值判定,未修正)`,
        });
      }
    });
    curves.push({ installationId: id, points: list.map((p) => p.point) });
  }
  const used = [columns.id, columns.n, columns.f];
  return {
    curves,
    report: {
      file,
      encoding,
      crs: 'wgs84',
      rows,
      accepted: rows - errors.length,
      rejected: errors.length,
      errors,
      warnings: warnings.sort((a, b) => a.line - b.line),
      unmappedColumns: headers.filter((_, i) => !used.includes(i)),
      crsEvidence: NO_COORDINATES,
    },
  };
}

const fText = (f: number) => String(f);
