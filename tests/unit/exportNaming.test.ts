// The white-paper export's file name and credit: named after the project and its 评估基准日, and the credit is the
// project's own (or the pointer to T3), never the demo's because some sites are marked fictitious.
import { describe, expect, it } from 'vitest';
import { assess, type Site } from '../../src/engine';
import { DEMO_ATTRIBUTION, INPUT_ATTRIBUTION } from '../../src/io/attribution';
import { translator } from '../../src/i18n/translate';
import { createAppStore } from '../../src/state/store';
import { whitepaperInput, zipFileName } from '../../src/ui/ExportPanel';
import { createConfig, createSite } from '../helpers/sites';

const t = translator('zh-CN');

describe('white-paper export naming', () => {
  it('names the ZIP after the project and the date, with a plain word when no date was given', () => {
    expect(zipFileName(t, '上海市安全风险评估', '2026-10-31')).toBe('上海市安全风险评估-2026-10-31-白皮书图表.zip');
    expect(zipFileName(t, '上海市安全风险评估', null)).toBe('上海市安全风险评估-白皮书图表(未注明评估基准日).zip');
    expect(zipFileName(t, 'a/b:c*?', '2026-10-31')).toBe('a b c-2026-10-31-白皮书图表.zip');
    expect(zipFileName(t, '', '2026-10-31')).toBe('2026-10-31-白皮书图表.zip');
    expect(zipFileName(translator('en'), 'Shanghai', '2026-10-31')).toBe('Shanghai-2026-10-31-whitepaper-figures.zip');
  });

  it('credits the project, not whatever the data look like', async () => {
    const sites: Site[] = [createSite({ id: 'S1', category: 'fuel_station', at: [121.47, 31.23], fictitious: true })];
    const store = createAppStore();
    const meta = {
      id: 'p',
      name: '上海市安全风险评估',
      city: '上海市',
      assessmentDate: '2026-10-31',
      dataCredit: '',
      notes: '',
    };
    store.setState({ assessment: assess({ sites, zones: [] }, createConfig()), project: meta });
    expect((await whitepaperInput(store.getState()))!.attribution).toBe(INPUT_ATTRIBUTION);
    expect((await whitepaperInput(store.getState()))!.dataDate).toBe('2026-10-31');
    store.setState({ project: { ...meta, dataCredit: '区划:某来源' } });
    expect((await whitepaperInput(store.getState()))!.attribution).toBe('区划:某来源');
    store.setState({ project: { ...meta, dataCredit: DEMO_ATTRIBUTION } });
    expect((await whitepaperInput(store.getState()))!.attribution).toBe(DEMO_ATTRIBUTION);
    // what the export form gives wins over the project
    expect(await whitepaperInput(store.getState(), { dataDate: '2027-01-01', attribution: '表单署名' })).toMatchObject({
      dataDate: '2027-01-01',
      attribution: '表单署名',
    });
  });
});
