// "导出白皮书图表": the whole white-paper set (figures, tables, report, assess outputs) as one zip, built in a worker
// that is loaded on demand. The export asks for the 评估基准日 and the data credit (from the project, saved back to
// it), and before writing lists what the levels and findings rest on missing data, for the user to confirm. F6
// compares with a previous assessment: a compared project or an uploaded summary.json.
import { useId, useState } from 'react';
import { DEFAULT_FN_CRITERIA, DEFAULT_REACH_PROFILE, defaultConfig } from '../engine';
import { fnCriteriaFile, methodProfileFile, reachProfileFile, ruleTableFile } from '../io/configFiles';
import { sha256Hex } from '../io/sha256';
import type { ConfigFile } from '../io';
import { INPUT_ATTRIBUTION } from '../io/attribution';
import { hasMissingData, missingData, missingDataLines } from '../whitepaper/missingData';
import { readPreviousSummary } from '../io/previousSummary';
import type { WhitepaperInput } from '../whitepaper/bundle';
import { whitepaperTitle } from '../whitepaper/title';
import { buildWhitepaperInput, type InputFile, type InputFileKind } from '../whitepaper/whitepaperInput';
import type { AppState } from '../state/store';
import { assessedReach } from '../state/assessedReach';
import { curvesInUse } from '../state/fnFiles';
import { contoursInUse } from '../state/contourFiles';
import { useAppState, useServices } from './AppContext';
import { setPrevious } from '../state/slices/assessment';
import { setProjectDetails } from '../state/slices/project';
import { downloadBytes, downloadText } from './download';
import { useT } from './i18n';
import type { Translate } from '../i18n/translate';
import { FileUpload } from './FileUpload';

const STAGES = ['load', 'figures', 'report', 'done'] as const;
const isStage = (s: string): s is (typeof STAGES)[number] => (STAGES as readonly string[]).includes(s);

/**
 * The method, rule, reach and F–N line files in use, as the app exports them (io's configFiles), when they differ from
 * the shipped ones — listed among the inputs as the CLI lists --method, --rules, --reach-profile and --fn-criteria, so
 * that exporting them and passing them to the CLI gives the same white paper. The F–N lines only with F–N curves (the
 * CLI takes --fn-criteria only with --fn).
 */
export async function configInputs(s: AppState): Promise<InputFile[]> {
  const shipped = defaultConfig();
  const candidates: [InputFileKind, ConfigFile, ConfigFile][] = [
    ['method', methodProfileFile(s.profile), methodProfileFile(shipped.method)],
    ['rules', ruleTableFile(s.rules), ruleTableFile(shipped.rules)],
    ['reachProfile', reachProfileFile(s.reachProfile), reachProfileFile(DEFAULT_REACH_PROFILE)],
  ];
  if (s.fnFiles.length)
    candidates.push(['fnCriteria', fnCriteriaFile(s.fnCriteria), fnCriteriaFile(DEFAULT_FN_CRITERIA)]);
  const inputs: InputFile[] = [];
  for (const [kind, file, shippedFile] of candidates)
    if (file.text !== shippedFile.text)
      inputs.push({ kind, file: file.file, sha256: await sha256Hex(new TextEncoder().encode(file.text)) });
  return inputs;
}

/** The white paper's input from the app state (an adapter to buildWhitepaperInput); `dataDate` and `attribution` as the export form gives them. */
export async function whitepaperInput(
  s: AppState,
  given: { dataDate?: string; attribution?: string } = {},
): Promise<WhitepaperInput | null> {
  const a = s.assessment;
  if (!a) return null;
  const files: InputFile[] = [
    ...(await configInputs(s)),
    ...(s.zonesDigest ? [{ kind: 'zones' as const, ...s.zonesDigest }] : []),
    // the reach files, as the CLI lists its --roads and --population
    ...(s.roads ? [{ kind: 'roads' as const, file: s.roads.file, sha256: s.roads.sha256 }] : []),
    ...(s.population ? [{ kind: 'population' as const, file: s.population.file, sha256: s.population.sha256 }] : []),
    ...s.datasets.map(
      (d): InputFile => ({ kind: 'sites', file: d.file, sha256: d.report.sha256 ?? null, report: d.report }),
    ),
    // QRA contour files and F–N curve files with their reports, as the CLI lists its --contours and --fn
    ...s.contourFiles.map((f): InputFile => ({ kind: 'contours', file: f.file, sha256: f.sha256, report: f.report })),
    ...s.fnFiles.map((f): InputFile => ({ kind: 'fn', file: f.file, sha256: f.sha256, report: f.report })),
  ];
  // rescue within reach as the engine assessed it with these results: F7, F8, T4, A.6 and the reach files
  const reach = assessedReach.of(a);
  return buildWhitepaperInput({
    files,
    assessment: a,
    zonePolygons: s.zones,
    profile: s.profile,
    rules: s.rules,
    borderlineToleranceM: defaultConfig().borderlineToleranceM,
    dataDate: (given.dataDate ?? s.project?.assessmentDate) || null,
    title: whitepaperTitle(s.project?.name),
    // the project's own credit (the demo project carries the demo's); never chosen from the data
    attribution: (given.attribution ?? s.project?.dataCredit)?.trim() || INPUT_ATTRIBUTION,
    previous: s.previous,
    ...(reach ? { reach: { result: reach.result, profile: reach.profile } } : {}),
    ...(s.contourFiles.length ? { contours: contoursInUse(s.contourFiles) } : {}),
    ...(s.fnFiles.length ? { societal: { curves: curvesInUse(s.fnFiles), criteria: s.fnCriteria } } : {}),
  });
}

/** Characters file systems refuse in a name (Windows' reserved ones and the control characters). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const REFUSED_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** "上海市安全风险评估-2026-10-31-白皮书图表.zip": the project's name and date, without characters file systems refuse. */
export function zipFileName(t: Translate, projectName: string | undefined, date: string | null): string {
  const name = (projectName ?? '').replace(REFUSED_IN_FILE_NAMES, ' ').trim().slice(0, 80);
  const key = date
    ? name
      ? 'export.zipNameDated'
      : 'export.zipNameDatedOnly'
    : name
      ? 'export.zipNameUndated'
      : 'export.zipNameBare';
  return t(key, { name, date: date ?? '' });
}

export function ExportPanel() {
  const services = useServices();
  const { store } = services;
  const t = useT();
  const a = useAppState((s) => s.assessment);
  const project = useAppState((s) => s.project);
  const previous = useAppState((s) => s.previous);
  const [progress, setProgress] = useState<{ share: number; stage: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the export form: null while closed; the gaps to confirm once the form is sent
  const [form, setForm] = useState<{ date: string; credit: string; gaps: string[] | null } | null>(null);
  const ids = { date: useId(), credit: useId(), gaps: useId() };

  const openForm = () => {
    setError(null);
    setForm({ date: project?.assessmentDate ?? '', credit: project?.dataCredit || INPUT_ATTRIBUTION, gaps: null });
  };

  const review = () => {
    const s = store.getState();
    if (!form || !s.assessment) return;
    const gaps = missingData(
      s.assessment,
      s.rules,
      s.datasets.map((d) => d.report),
    );
    if (hasMissingData(gaps)) setForm({ ...form, gaps: missingDataLines(gaps) });
    else void exportWhitepaper();
  };

  const exportWhitepaper = async () => {
    if (!form) return;
    const date = form.date.trim();
    const credit = form.credit.trim();
    // what the user gave is the project's from now on (the next export starts from it)
    const p = store.getState().project;
    if (
      p &&
      services.projects &&
      (date !== p.assessmentDate || (credit !== p.dataCredit && credit !== INPUT_ATTRIBUTION))
    ) {
      setProjectDetails(services, {
        assessmentDate: date,
        dataCredit: credit === INPUT_ATTRIBUTION ? p.dataCredit : credit,
      });
    }
    const input = await whitepaperInput(store.getState(), { dataDate: date, attribution: credit });
    if (!input) return;
    setForm(null);
    setProgress({ share: 0, stage: 'load' });
    try {
      const { exportWhitepaperZip } = await import('../worker/whitepaperClient');
      const zip = await exportWhitepaperZip(input, (share, stage) => setProgress({ share, stage }));
      downloadBytes(zipFileName(t, store.getState().project?.name, input.dataDate), zip, 'application/zip');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const loadSummary = async (file: File) => {
    try {
      setPrevious(services, readPreviousSummary(file.name, await file.text()));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">{t('export.title')}</h2>
      <div className="buttons">
        <button type="button" disabled={!a || progress !== null || form !== null} onClick={openForm}>
          {t('export.whitepaper')}
        </button>
        <button
          type="button"
          disabled={!a}
          onClick={() =>
            a &&
            void import('../io/assessmentFiles').then(({ violationsCsv }) =>
              downloadText(t('export.violationsFile'), violationsCsv(a, { bom: true }), 'text/csv;charset=utf-8'),
            )
          }
        >
          {t('export.violationsCsv')}
        </button>
      </div>
      {form && (
        <form
          className="export-form"
          aria-label={t('export.formTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            if (form.gaps) void exportWhitepaper();
            else review();
          }}
        >
          <fieldset disabled={form.gaps !== null}>
            <legend>{t('export.formTitle')}</legend>
            <div className="form-grid">
              <label htmlFor={ids.date}>{t('project.date')}</label>
              <input
                id={ids.date}
                type="date"
                value={form.date}
                onChange={(e) => setForm({ ...form, date: e.target.value })}
              />
              <label htmlFor={ids.credit}>{t('project.dataCredit')}</label>
              <textarea
                id={ids.credit}
                rows={2}
                maxLength={2000}
                value={form.credit}
                onChange={(e) => setForm({ ...form, credit: e.target.value })}
              />
            </div>
            <p className="hint">{t('export.formHint')}</p>
          </fieldset>
          {form.gaps && (
            <div role="alertdialog" aria-labelledby={ids.gaps} className="export-gaps">
              <p id={ids.gaps}>
                <strong>{t('export.gapsTitle')}</strong>
              </p>
              <ul>
                {form.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
              <p className="hint">{t('export.gapsHint')}</p>
            </div>
          )}
          <div className="buttons">
            <button type="submit">{form.gaps ? t('export.proceed') : t('export.write')}</button>
            <button type="button" onClick={() => setForm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {progress && (
        <p>
          <progress aria-label={t('export.progress')} max={1} value={progress.share} />{' '}
          {isStage(progress.stage) ? t(`export.stage.${progress.stage}`) : progress.stage}…
        </p>
      )}
      <p className="hint">{t('export.contents')}</p>
      <div>
        <FileUpload label={t('export.previousFile')} accept=".json,application/json" onFile={(f) => loadSummary(f)} />
        <p className="hint" data-testid="previous-assessment">
          {previous
            ? t('export.previous', {
                label: previous.dataDate
                  ? t('common.dated', { label: previous.label, date: previous.dataDate })
                  : previous.label,
              })
            : t('export.noPrevious')}
          {previous && (
            <>
              {' '}
              <button type="button" onClick={() => setPrevious(services, null)}>
                {t('common.clear')}
              </button>
            </>
          )}
        </p>
      </div>
      {error && (
        <p role="alert" className="error">
          {t('export.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
