import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { AppContext } from '../../src/ui/AppContext';
import { DataPanel } from '../../src/ui/DataPanel';
import { demoZones } from '../helpers/files';
import { Legend } from '../../src/ui/Legend';

function renderPanels() {
  const store = createAppStore();
  // jsdom has no Worker: the engine client runs the same engine in-process
  const engine = createEngineClient();
  const app = { store, engine };
  store.setState({ zones: [] });
  render(
    <AppContext.Provider value={app}>
      <Legend />
      <DataPanel />
    </AppContext.Provider>,
  );
  return { store, app };
}

function fileOf(path: string, name: string): File {
  return new File([readFileSync(path)], name, { type: 'text/csv' });
}

describe('uploading a site file', () => {
  it('reports accepted and rejected rows, each rejection with its line, field and reason', async () => {
    const { store } = renderPanels();
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/sites-gbk.csv', 'sites-gbk.csv'),
    );
    const report = await screen.findByRole('region', { name: '导入报告 sites-gbk.csv' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    expect(within(report).getByTestId('rejected')).toHaveTextContent('7');
    expect(report).toHaveTextContent('GBK/GB18030');
    const rows = within(within(report).getByRole('table', { name: /逐行清单/ }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(rows[0]).toHaveTextContent('未知类别「加油点」');
    await screen.findByText('评估中…').catch(() => undefined);
    expect(store.getState().assessment?.sites.map((s) => s.id)).toEqual(['GBK-001', 'GBK-002', 'GBK-010', 'GBK-011']);
  });

  it('shows a whole-file failure as an alert and keeps what was loaded', async () => {
    const { store } = renderPanels();
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/sites-utf8-bom.csv', 'good.csv'),
    );
    await screen.findByRole('region', { name: '导入报告 good.csv' });
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/binary.csv', 'bad.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/bad\.csv.*(binary|XLSX)/);
    expect(store.getState().datasets.map((d) => d.file)).toEqual(['good.csv']);
  });

  it('renders hostile names as text, never as markup', async () => {
    renderPanels();
    const csv = 'id,name,category,lon,lat\nX1,a,<img src=x onerror=alert(1)>,118.78,32.04\n';
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], '<script>.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 <script>.csv' });
    expect(report.querySelector('img, script')).toBeNull();
    expect(report).toHaveTextContent('未知类别「<img src=x onerror=alert(1)>」');
    expect(report).toHaveTextContent('<script>.csv');
  });
});

describe('correcting the coordinate system', () => {
  it('re-reads an uploaded file as GCJ-02 when the user says so, moving its points ≈ 500 m', async () => {
    const { store } = renderPanels();
    const csv = 'id,name,category,lon,lat\nA,a,school,118.784,32.041\n';
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'amap.csv'));
    await screen.findByRole('region', { name: '导入报告 amap.csv' });
    // the page sees the sites only as assessed (the engine holds the datasets)
    await expect.poll(() => store.getState().assessment?.sites.length).toBe(1);
    const before = store.getState().assessment!.sites[0]!.lon;
    await userEvent.click(screen.getByRole('button', { name: 'GCJ-02 (高德/腾讯)' }));
    await screen.findByText(/坐标系 GCJ02/);
    await expect.poll(() => store.getState().assessment?.sites[0]?.lon ?? before).toBeLessThan(before - 0.003);
    expect(store.getState().datasets).toHaveLength(1);
  });
});

describe('Gauss–Krüger survey files', () => {
  it("reads eastings with a zone number without being told, in surveyors' X = north order", async () => {
    renderPanels();
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/sites-gk-zoned.csv', 'sites-gk-zoned.csv'),
    );
    const report = await screen.findByRole('region', { name: '导入报告 sites-gk-zoned.csv' });
    expect(report).toHaveTextContent('坐标系 CGCS2000 高斯-克吕格(东坐标含带号)');
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    expect(report).toHaveTextContent('经纬度疑似互换'); // the one row in degrees
  });

  it('suggests the 3° zone that puts plain eastings in their districts, and re-reads them in a neighbouring zone on request', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/sites-gk3-117.csv', 'sites-gk3-117.csv'),
    );
    const report = await screen.findByRole('region', { name: '导入报告 sites-gk3-117.csv' });
    expect(report).toHaveTextContent('中央子午线 117°');
    expect(report).toHaveTextContent('cgcs2000_gk3_117 4/4');
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    // read as zone 120° the same numbers land ≈ 3° east of Nanjing: every row is then outside the study area
    await userEvent.click(screen.getByRole('button', { name: 'CGCS2000 高斯-克吕格 3° 带,中央子午线 120°' }));
    await expect.poll(() => store.getState().datasets[0]!.report.crs, { timeout: 5_000 }).toBe('cgcs2000_gk3_120');
    expect(await screen.findByRole('region', { name: '导入报告 sites-gk3-117.csv' })).toHaveTextContent(
      '坐标系 CGCS2000 高斯-克吕格 3° 带,中央子午线 120°',
    );
    expect(store.getState().datasets[0]!.report).toMatchObject({ crs: 'cgcs2000_gk3_120', accepted: 0, rejected: 4 });
    expect(store.getState().datasets[0]!.report.errors[0]!.reason).toMatch(/研究区范围之外/);
  });
});

describe('the column-mapping step', () => {
  it('lets the user say which column is which when the headers are unknown, and reads the file again', async () => {
    const { store } = renderPanels();
    const csv = 'code,title,kind,east,north\nK1,工地甲,建筑施工,118.78,32.04\n';
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'odd.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 odd.csv' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('0');
    const table = await screen.findByRole('table', { name: '列对应 odd.csv' });
    const pick = async (header: string, field: string) =>
      userEvent.selectOptions(within(table).getByLabelText(`列「${header}」读作`), field);
    await pick('code', 'id');
    await pick('title', 'name');
    await pick('kind', 'category');
    await pick('east', 'lon');
    await pick('north', 'lat');
    await userEvent.click(screen.getByRole('button', { name: '按此对应重新读取并记住' }));
    await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'accepted' && el.textContent === '1');
    await expect
      .poll(() => store.getState().assessment?.sites[0])
      .toMatchObject({ id: 'K1', name: '工地甲', category: 'construction' });
  });
});

describe('a map-app export with no id and no category column', () => {
  it('lets the user give every row one category, then reads them all (ids from line numbers, said in a warning)', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/fuel-no-id-bd09.gbk.csv', 'fuel-no-id-bd09.gbk.csv'),
    );
    const report = await screen.findByRole('region', { name: '导入报告 fuel-no-id-bd09.gbk.csv' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('0');
    expect(report).toHaveTextContent('类别缺失');
    await userEvent.selectOptions(screen.getByLabelText(/文件中没有类别列/), '加油站');
    await userEvent.click(screen.getByRole('button', { name: '按此对应重新读取并记住' }));
    await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'accepted' && el.textContent === '4');
    expect(store.getState().datasets[0]!.report).toMatchObject({ crs: 'bd09', allRowsCategory: 'fuel_station' });
    await expect
      .poll(() => store.getState().assessment?.sites.map((s) => s.id))
      .toEqual(['fuel-no-id-bd09.gbk-2', 'fuel-no-id-bd09.gbk-3', 'fuel-no-id-bd09.gbk-4', 'fuel-no-id-bd09.gbk-5']);
    expect(screen.getByRole('region', { name: '导入报告 fuel-no-id-bd09.gbk.csv' })).toHaveTextContent(
      '文件没有编号列',
    );
  });
});

describe('an XLSX workbook with several sheets', () => {
  it('reads the first sheet, lists the others, and reads the chosen one on request', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRows([['填写说明'], ['第二张表为风险点清单']]);
    const sheet = wb.addWorksheet('风险点');
    sheet.addRows([
      ['编号', '名称', '类别', '经度', '纬度', '可能性', '严重性'],
      ['X-1', '甲工地', '建筑施工', 118.78, 32.04, 3, 4],
      ['X-2', '乙路口', '道路交通', 118.79, 32.05, 2, 2],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { store } = renderPanels();
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      new File([bytes], 'book.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const report = await screen.findByRole('region', { name: '导入报告 book.xlsx' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('0');
    const picker = within(report).getByLabelText('工作表');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['说明', '风险点']);
    await userEvent.selectOptions(picker, '风险点');
    await expect
      .poll(
        () => within(screen.getByRole('region', { name: '导入报告 book.xlsx' })).getByTestId('accepted').textContent,
      )
      .toBe('2');
    expect(within(screen.getByRole('region', { name: '导入报告 book.xlsx' })).getByLabelText('工作表')).toHaveValue(
      '风险点',
    );
    await expect.poll(() => store.getState().assessment?.sites.map((s) => s.id)).toEqual(['X-1', 'X-2']);
  });
});

describe('a file uploaded again', () => {
  const csv = 'id,name,category,lon,lat\nA,a,学校,118.78,32.04\n';
  it('asks before anything is added twice, and replaces the loaded copy when told to', async () => {
    const { store } = renderPanels();
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'a.csv'));
    await screen.findByRole('region', { name: '导入报告 a.csv' });
    const firstId = store.getState().datasets[0]!.id;
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'a.csv'));
    const ask = await screen.findByRole('group', { name: '重复上传 a.csv' });
    expect(ask).toHaveTextContent('内容完全相同');
    expect(within(ask).queryByRole('button', { name: '另行添加' })).toBeNull(); // an identical copy is never added
    await userEvent.click(within(ask).getByRole('button', { name: '替换已载入的文件' }));
    await expect.poll(() => store.getState().datasets[0]!.id).not.toBe(firstId);
    expect(store.getState().datasets).toHaveLength(1);
    // the replacement's ids are not duplicates of the copy it replaced
    expect(store.getState().datasets[0]!.report).toMatchObject({ accepted: 1, rejected: 0 });
    expect(screen.queryByRole('group', { name: /重复上传/ })).toBeNull();
  });

  it('cancelling keeps what was loaded; a new version under the same name may be added as well', async () => {
    const { store } = renderPanels();
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'a.csv'));
    await screen.findByRole('region', { name: '导入报告 a.csv' });
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv], 'a.csv'));
    await userEvent.click(
      within(await screen.findByRole('group', { name: '重复上传 a.csv' })).getByRole('button', { name: '取消' }),
    );
    expect(store.getState().datasets).toHaveLength(1);
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([csv.replace('A,a', 'B,b')], 'a.csv'));
    const ask = await screen.findByRole('group', { name: '重复上传 a.csv' });
    expect(ask).toHaveTextContent('内容不同');
    await userEvent.click(within(ask).getByRole('button', { name: '另行添加' }));
    await expect.poll(() => store.getState().datasets.length).toBe(2);
  });
});

describe('what the report says about a file', () => {
  it('groups rejections by reason with the likeliest cause before the line-by-line list, and notes district disagreements', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    const lines = [
      '编号,名称,类别,所属区,经度,纬度',
      'N1,甲,学校,鼓楼区,118.7969,32.0603',
      'N2,乙,学校,玄武区,118.7969,32.0603',
    ];
    for (let i = 0; i < 4; i++) lines.push(`S${i},沪${i},加油站,徐汇区,${121.43 + i * 0.01},31.18`);
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([lines.join('\n')], 'mixed.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 mixed.csv' });
    const summary = within(report).getByRole('table', { name: '拒绝原因汇总' });
    expect(within(summary).getAllByRole('row')).toHaveLength(3); // header, the group, its cause
    expect(summary).toHaveTextContent(/4.*可能的原因:4 行位于研究区之外:文件中的位置在 上海市 一带/);
    // the summary comes first, then the list
    const tables = within(report).getAllByRole('table');
    expect(tables.indexOf(summary)).toBeLessThan(
      tables.indexOf(within(report).getByRole('table', { name: /逐行清单/ })),
    );
    expect(within(report).getByTestId('district-mismatch')).toHaveTextContent('所属区与位置不一致:1 行');
    expect(store.getState().datasets[0]!.report.warnings[0]!.reason).toMatch(/「鼓楼区」.*「玄武区」/);
  });

  it('shows the all-rows category as this file’s choice, and keeps it and the columns when the file is re-read in another CRS', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    await userEvent.upload(
      screen.getByLabelText(/上传风险点/),
      fileOf('tests/fixtures/fuel-no-id-bd09.gbk.csv', 'fuel.csv'),
    );
    await screen.findByRole('region', { name: '导入报告 fuel.csv' });
    await userEvent.selectOptions(screen.getByLabelText(/文件中没有类别列/), '加油站');
    await userEvent.click(screen.getByRole('button', { name: '按此对应重新读取并记住' }));
    expect(await screen.findByTestId('all-rows-category')).toHaveTextContent('所有行按「加油站」读取(仅本文件的选择');
    await userEvent.click(screen.getByRole('button', { name: 'GCJ-02 (高德/腾讯)' }));
    await expect.poll(() => store.getState().datasets[0]!.report.crs).toBe('gcj02');
    expect(store.getState().datasets[0]!.report).toMatchObject({ allRowsCategory: 'fuel_station', accepted: 4 });
  });
});
