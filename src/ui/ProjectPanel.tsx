// Projects: the open project's name, date and save state; the list of saved projects; export and import as a file.
import { useEffect, useId, useState } from 'react';
import type { ProjectSummary } from '../state/projectStorage';
import { useAppState, useServices } from './AppContext';
import { downloadBytes } from './download';
import { CompareProjects } from './CompareProjects';

const SAVE_ZH = { idle: '', saving: '保存中…', saved: '已自动保存', error: '保存失败', conflict: '未保存(冲突)' } as const;

export function ProjectPanel() {
  const { projects } = useServices();
  const project = useAppState((s) => s.project);
  const saveState = useAppState((s) => s.saveState);
  const projectError = useAppState((s) => s.projectError);
  const revision = useAppState((s) => s.projectRevision);
  const [list, setList] = useState<ProjectSummary[]>([]);
  const [open, setOpen] = useState(false);
  const ids = { name: useId(), date: useId(), file: useId() };
  useEffect(() => {
    if (open && projects) void projects.list().then(setList);
  }, [open, projects, revision]);
  if (!projects) return null;
  return (
    <section className="panel" aria-labelledby="project-h">
      <h2 id="project-h">项目</h2>
      {project && (
        <div className="form-grid">
          <label htmlFor={ids.name}>项目名称</label>
          <input id={ids.name} key={project.id} defaultValue={project.name} onBlur={(e) => projects.rename(e.target.value)} />
          <label htmlFor={ids.date}>评估基准日</label>
          <input id={ids.date} key={`${project.id}-d`} type="date" defaultValue={project.assessmentDate} onBlur={(e) => projects.setDetails({ assessmentDate: e.target.value })} />
        </div>
      )}
      <p className="meta" role="status" data-save-status={saveState.status}>
        {SAVE_ZH[saveState.status]}{saveState.status === 'saved' ? `(第 ${revision} 版)` : ''}
      </p>
      {saveState.message && <p role="alert" className="error">{saveState.message}</p>}
      {projectError && <p role="alert" className="error">{projectError}</p>}
      <div className="buttons">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? '收起项目列表' : '项目列表'}</button>
        <button type="button" onClick={() => void projects.duplicate()}>复制项目</button>
        <button
          type="button"
          onClick={() => {
            const f = projects.exportFile();
            if (f) downloadBytes(f.name, f.bytes, f.name.endsWith('.gz') ? 'application/gzip' : 'application/json');
          }}
        >
          导出项目文件
        </button>
        <button type="button" onClick={() => void projects.createDemo()}>新建示例项目</button>
      </div>
      <label htmlFor={ids.file}>导入项目文件:</label>{' '}
      <input id={ids.file} type="file" accept=".json,.gz" onChange={async (e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) await projects.importFile(f.name, new Uint8Array(await f.arrayBuffer())); }} />
      {open && (
        <table aria-label="已保存的项目">
          <thead><tr><th scope="col">项目</th><th scope="col">基准日</th><th scope="col">保存时间</th><th scope="col">操作</th></tr></thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} aria-current={p.id === project?.id}>
                <td>{p.name}</td>
                <td>{p.assessmentDate || '—'}</td>
                <td>{p.savedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button type="button" className="link" disabled={p.id === project?.id} onClick={() => void projects.open(p.id)}>打开</button>{' '}
                  <button type="button" className="link" onClick={() => { if (confirm(`删除项目「${p.name}」?`)) void projects.remove(p.id).then(() => projects.list().then(setList)); }}>删除</button>
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
