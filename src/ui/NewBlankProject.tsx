// "新建空白项目": a project for a real city, started from nothing (no demo site, zone or credit).
import { useId, useState, type FormEvent } from 'react';
import { createBlankProject, type BlankProjectDetails, type WithProjects } from '../state/projects';
import { useT } from './i18n';

export function NewBlankProject({ app }: { app: WithProjects }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const ids = { name: useId(), city: useId(), date: useId(), credit: useId(), hint: useId() };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '');
    const details: BlankProjectDetails = {
      name: text('name'),
      city: text('city'),
      assessmentDate: text('date'),
      dataCredit: text('credit'),
    };
    setOpen(false);
    void createBlankProject(app, details);
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('project.newBlank')}
      </button>
    );
  return (
    <form className="new-project" aria-label={t('project.blankTitle')} onSubmit={submit}>
      <fieldset>
        <legend>{t('project.blankTitle')}</legend>
        <div className="form-grid">
          <label htmlFor={ids.name}>{t('project.name')}</label>
          {/* biome-ignore lint/a11y/noAutofocus: the user has just opened this form */}
          <input id={ids.name} name="name" required maxLength={200} autoFocus />
          <label htmlFor={ids.city}>{t('project.city')}</label>
          <input id={ids.city} name="city" maxLength={200} />
          <label htmlFor={ids.date}>{t('project.date')}</label>
          <input id={ids.date} name="date" type="date" />
          <label htmlFor={ids.credit}>{t('project.dataCredit')}</label>
          <textarea id={ids.credit} name="credit" rows={2} maxLength={2000} aria-describedby={ids.hint} />
        </div>
        <p id={ids.hint} className="hint">
          {t('project.dataCreditHint')}
        </p>
        <div className="buttons">
          <button type="submit">{t('project.blankCreate')}</button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
