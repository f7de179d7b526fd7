// Projects: the open project's name, date and save state; the list of saved projects; export and import as a file.
import { showMessage } from '../i18n/shownMessage';
import { useEffect, useId, useState } from 'react';
import { listProjects, type ProjectSummary } from '../state/projectStorage';
import {
  createDemoProject,
  duplicateProject,
  exportProjectFile,
  hasProjects,
  importProjectFile,
  openProject,
  removeProject,
} from '../state/projects';
import { renameProject, setProjectDetails } from '../state/slices/project';
import { useAppState, useServices } from './AppContext';
import { downloadBytes } from './download';
import { CompareProjects } from './CompareProjects';
import { NewBlankProject } from './NewBlankProject';
import { useT } from './i18n';
import { FileUpload } from './FileUpload';

export function ProjectPanel() {
  const app = useServices();
  const t = useT();
  const project = useAppState((s) => s.project);
  const saveState = useAppState((s) => s.saveState);
  const projectError = useAppState((s) => s.projectError);
  const revision = useAppState((s) => s.projectRevision);
  const [list, setList] = useState<ProjectSummary[]>([]);
  const [open, setOpen] = useState(false);
  const ids = { name: useId(), city: useId(), date: useId(), credit: useId() };
  const empty = useAppState((s) => s.datasets.length === 0 && s.zones.length === 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision triggers a new list after each save
  useEffect(() => {
    if (open && app.projects) void listProjects().then(setList);
  }, [open, app, revision]);
  if (!hasProjects(app)) return null;
  return (
    <section className="panel" aria-labelledby="project-h">
      <h2 id="project-h">{t('project.title')}</h2>
      {project && (
        <div className="form-grid">
          <label htmlFor={ids.name}>{t('project.name')}</label>
          <input
            id={ids.name}
            key={project.id}
            defaultValue={project.name}
            onBlur={(e) => renameProject(app, e.target.value)}
          />
          <label htmlFor={ids.city}>{t('project.city')}</label>
          <input
            id={ids.city}
            key={`${project.id}-c-${project.city}`}
            defaultValue={project.city}
            maxLength={200}
            onBlur={(e) => setProjectDetails(app, { city: e.target.value.trim() })}
          />
          <label htmlFor={ids.date}>{t('project.date')}</label>
          <input
            id={ids.date}
            key={`${project.id}-d`}
            type="date"
            defaultValue={project.assessmentDate}
            onBlur={(e) => setProjectDetails(app, { assessmentDate: e.target.value })}
          />
          <label htmlFor={ids.credit}>{t('project.dataCredit')}</label>
          <textarea
            id={ids.credit}
            key={`${project.id}-r-${project.dataCredit}`}
            rows={2}
            defaultValue={project.dataCredit}
            maxLength={2000}
            title={t('project.dataCreditHint')}
            onBlur={(e) => setProjectDetails(app, { dataCredit: e.target.value.trim() })}
          />
        </div>
      )}
      {project && empty && (
        <p className="hint" role="note">
          {t('project.empty')}
        </p>
      )}
      <p className="meta" role="status" data-save-status={saveState.status}>
        {t(`project.save.${saveState.status}`)}
        {saveState.status === 'saved' ? t('project.revision', { n: revision }) : ''}
      </p>
      {saveState.message && (
        <p role="alert" className="error">
          {showMessage(t, saveState.message)}
        </p>
      )}
      {projectError && (
        <p role="alert" className="error">
          {showMessage(t, projectError)}
        </p>
      )}
      <div className="buttons">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t(open ? 'project.hideList' : 'project.showList')}
        </button>
        <button type="button" onClick={() => void duplicateProject(app)}>
          {t('project.duplicate')}
        </button>
        <button
          type="button"
          onClick={async () => {
            const f = await exportProjectFile(app); // the engine writes it: it holds the sites
            if (f) downloadBytes(f.name, f.bytes, f.name.endsWith('.gz') ? 'application/gzip' : 'application/json');
          }}
        >
          {t('project.export')}
        </button>
        <NewBlankProject app={app} />
        <button type="button" onClick={() => void createDemoProject(app)}>
          {t('project.newDemo')}
        </button>
      </div>
      <FileUpload
        label={t('project.importFile')}
        accept=".json,.gz"
        onFile={async (f) => importProjectFile(app, f.name, new Uint8Array(await f.arrayBuffer()))}
      />
      {open && (
        <table aria-label={t('project.saved')}>
          <thead>
            <tr>
              <th scope="col">{t('project.col.project')}</th>
              <th scope="col">{t('project.col.date')}</th>
              <th scope="col">{t('project.col.savedAt')}</th>
              <th scope="col">{t('project.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} aria-current={p.id === project?.id}>
                <td>{p.name}</td>
                <td>{p.assessmentDate || '—'}</td>
                <td>{p.savedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    disabled={p.id === project?.id}
                    onClick={() => void openProject(app, p.id)}
                  >
                    {t('project.open')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      if (confirm(t('project.confirmDelete', { name: p.name })))
                        void removeProject(app, p.id).then(() => listProjects().then(setList));
                    }}
                  >
                    {t('project.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <CompareProjects others={list.filter((p) => p.id !== project?.id)} />}
    </section>
  );
}
