import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { createAppStore } from '../../src/state/store';
import { createActions } from '../../src/state/actions';
import { createEngineClient } from '../../src/worker/engineClient';
import { AppContext } from '../../src/ui/AppContext';
import { DataPanel } from '../../src/ui/DataPanel';
import { demoZones } from '../helpers/files';
import { Legend } from '../../src/ui/Legend';

function renderPanels() {
  const store = createAppStore();
  // jsdom has no Worker: the engine client runs the same engine in-process
  const actions = createActions(store, createEngineClient());
  store.setState({ zones: [] });
  render(
    <AppContext.Provider value={{ store, actions }}>
      <Legend />
      <DataPanel />
    </AppContext.Provider>,
  );
  return { store, actions };
}

function fileOf(path: string, name: string): File {
  return new File([readFileSync(path)], name, { type: 'text/csv' });
}

describe('uploading a site file', () => {
  it('reports accepted and rejected rows, each rejection with its line, field and reason', async () => {
    const { store } = renderPanels();
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/sites-gbk.csv', 'sites-gbk.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 sites-gbk.csv' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    expect(within(report).getByTestId('rejected')).toHaveTextContent('7');
    expect(report).toHaveTextContent('GBK/GB18030');
    const rows = within(within(report).getByRole('table', { name: /逐行清单/ })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    expect(rows[0]).toHaveTextContent('未知类别「加油点」');
    await screen.findByText('评估中…').catch(() => undefined);
    expect(store.getState().assessment?.sites.map((s) => s.id)).toEqual(['GBK-001', 'GBK-002', 'GBK-010', 'GBK-011']);
  });

  it('shows a whole-file failure as an alert and keeps what was loaded', async () => {
    const { store } = renderPanels();
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/sites-utf8-bom.csv', 'good.csv'));
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
    const before = (store.getState().datasets[0]!.sites[0]!.geometry as { coordinates: number[] }).coordinates;
    await userEvent.click(screen.getByRole('button', { name: 'GCJ-02 (高德/腾讯)' }));
    await screen.findByText(/坐标系 GCJ02/);
    const after = (store.getState().datasets[0]!.sites[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(after[0]).toBeLessThan(before[0]! - 0.003);
    expect(store.getState().datasets).toHaveLength(1);
  });
});

describe('Gauss–Krüger survey files', () => {
  it('reads eastings with a zone number without being told, in surveyors\' X = north order', async () => {
    renderPanels();
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/sites-gk-zoned.csv', 'sites-gk-zoned.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 sites-gk-zoned.csv' });
    expect(report).toHaveTextContent('坐标系 CGCS2000 高斯-克吕格(东坐标含带号)');
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    expect(report).toHaveTextContent('经纬度疑似互换'); // the one row in degrees
  });

  it('suggests the 3° zone that puts plain eastings in their districts, and re-reads them in a neighbouring zone on request', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/sites-gk3-117.csv', 'sites-gk3-117.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 sites-gk3-117.csv' });
    expect(report).toHaveTextContent('中央子午线 117°');
    expect(report).toHaveTextContent('cgcs2000_gk3_117 4/4');
    expect(within(report).getByTestId('accepted')).toHaveTextContent('4');
    // read as zone 120° the same numbers land ≈ 3° east of Nanjing: every row is then outside the study area
    await userEvent.click(screen.getByRole('button', { name: 'CGCS2000 高斯-克吕格 3° 带,中央子午线 120°' }));
    await expect.poll(() => store.getState().datasets[0]!.report.crs, { timeout: 5_000 }).toBe('cgcs2000_gk3_120');
    expect(await screen.findByRole('region', { name: '导入报告 sites-gk3-117.csv' })).toHaveTextContent('坐标系 CGCS2000 高斯-克吕格 3° 带,中央子午线 120°');
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
    const pick = async (header: string, field: string) => userEvent.selectOptions(within(table).getByLabelText(`列「${header}」读作`), field);
    await pick('code', 'id');
    await pick('title', 'name');
    await pick('kind', 'category');
    await pick('east', 'lon');
    await pick('north', 'lat');
    await userEvent.click(screen.getByRole('button', { name: '按此对应重新读取并记住' }));
    await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'accepted' && el.textContent === '1');
    expect(store.getState().datasets[0]!.sites[0]).toMatchObject({ id: 'K1', name: '工地甲', category: 'construction' });
  });
});

describe('a map-app export with no id and no category column', () => {
  it('lets the user give every row one category, then reads them all (ids from line numbers, said in a warning)', async () => {
    const { store } = renderPanels();
    store.setState({ zones: demoZones() });
    await userEvent.upload(screen.getByLabelText(/上传风险点/), fileOf('tests/fixtures/fuel-no-id-bd09.gbk.csv', 'fuel-no-id-bd09.gbk.csv'));
    const report = await screen.findByRole('region', { name: '导入报告 fuel-no-id-bd09.gbk.csv' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('0');
    expect(report).toHaveTextContent('类别缺失');
    await userEvent.selectOptions(screen.getByLabelText(/文件中没有类别列/), '加油站');
    await userEvent.click(screen.getByRole('button', { name: '按此对应重新读取并记住' }));
    await screen.findByText((_, el) => el?.getAttribute('data-testid') === 'accepted' && el.textContent === '4');
    expect(store.getState().datasets[0]!.report).toMatchObject({ crs: 'bd09', allRowsCategory: 'fuel_station' });
    expect(store.getState().datasets[0]!.sites.map((s) => s.id)).toEqual(['fuel-no-id-bd09.gbk-2', 'fuel-no-id-bd09.gbk-3', 'fuel-no-id-bd09.gbk-4', 'fuel-no-id-bd09.gbk-5']);
    expect(screen.getByRole('region', { name: '导入报告 fuel-no-id-bd09.gbk.csv' })).toHaveTextContent('文件没有编号列');
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
    await userEvent.upload(screen.getByLabelText(/上传风险点/), new File([bytes], 'book.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const report = await screen.findByRole('region', { name: '导入报告 book.xlsx' });
    expect(within(report).getByTestId('accepted')).toHaveTextContent('0');
    const picker = within(report).getByLabelText('工作表');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['说明', '风险点']);
    await userEvent.selectOptions(picker, '风险点');
    await expect.poll(() => within(screen.getByRole('region', { name: '导入报告 book.xlsx' })).getByTestId('accepted').textContent).toBe('2');
    expect(within(screen.getByRole('region', { name: '导入报告 book.xlsx' })).getByLabelText('工作表')).toHaveValue('风险点');
    await expect.poll(() => store.getState().assessment?.sites.map((s) => s.id)).toEqual(['X-1', 'X-2']);
  });
});
