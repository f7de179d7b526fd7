// The reach inputs as the user meets them: the data panel's road network (listed with its lines, removable) and the
// method panel's zone raise (off, and labelled as the city's own rule, not a standard).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { AppContext } from '../../src/ui/AppContext';
import { DataPanel } from '../../src/ui/DataPanel';
import { MethodPanel } from '../../src/ui/MethodPanel';
import { NANJING_CENTRE, roadGridGeoJson } from '../helpers/roadGrid';

function renderPanels() {
  const store = createAppStore();
  const engine = createEngineClient(); // jsdom has no Worker: the engine runs in-process
  const app = { store, engine };
  render(
    <AppContext.Provider value={app}>
      <DataPanel />
      <MethodPanel />
    </AppContext.Provider>,
  );
  return { store };
}

describe('rescue within reach inputs', () => {
  it('lists an uploaded road network with its lines and removes it', async () => {
    const { store } = renderPanels();
    expect(screen.getByTestId('roads-in-use')).toHaveTextContent('未载入路网');
    await userEvent.upload(
      screen.getByLabelText(/上传路网 GeoJSON/),
      new File([roadGridGeoJson(NANJING_CENTRE, 5)], 'streets.geojson'),
    );
    await screen.findByText('路网:streets.geojson(10 条线)', {}, { timeout: 20_000 });
    expect(store.getState().roads?.lines).toBe(10);
    await userEvent.click(screen.getByRole('button', { name: '移除路网' }));
    expect(screen.getByTestId('roads-in-use')).toHaveTextContent('未载入路网');
    expect(store.getState().roads).toBeNull();
  });

  it('shows a population file without population as an alert; nothing is loaded', async () => {
    const { store } = renderPanels();
    const noPeople = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [118.7, 32],
                [118.8, 32],
                [118.8, 32.1],
                [118.7, 32],
              ],
            ],
          },
        },
      ],
    });
    await userEvent.upload(screen.getByLabelText(/上传人口网格 GeoJSON/), new File([noPeople], 'grid.geojson'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'grid.geojson: 人口文件中没有带 population(人口)属性的面',
    );
    expect(store.getState().population).toBeNull();
    expect(screen.getByTestId('population-in-use')).toHaveTextContent('未载入人口网格');
  });

  it('offers the zone raise off by default, as the city’s own rule and not a standard, and switches it', async () => {
    const { store } = renderPanels();
    const box = screen.getByRole('checkbox', { name: /上调一级.*城市自定规则,非国家或行业标准;默认关闭/ });
    expect(box).not.toBeChecked();
    expect(screen.getByText(/出处:城市自定.*非国家或行业标准,默认关闭/)).toBeInTheDocument();
    await userEvent.click(box);
    expect(store.getState().profile.reachRaise.enabled).toBe(true);
    expect(box).toBeChecked();
  });

  it("takes a city's reach parameters (a finer grid, schema-checked), refuses a bad file keeping those in force, and resets", async () => {
    const { store } = renderPanels();
    expect(screen.getByTestId('reach-profile')).toHaveTextContent('随软件提供的默认值');
    expect(screen.getByTestId('reach-profile')).toHaveTextContent('网格边长 250 米');
    const city = {
      ...JSON.parse(readFileSync('data/rules/reach-profile.json', 'utf8')),
      id: 'city-2027',
      name: '某市救援可达参数',
      gridCellM: 100,
    };
    await userEvent.upload(
      screen.getByLabelText(/导入本市救援可达参数 JSON/),
      new File([JSON.stringify(city)], 'city.json'),
    );
    expect(await screen.findByText(/本市导入的参数文件「某市救援可达参数」/)).toBeInTheDocument();
    expect(store.getState().reachProfile.gridCellM).toBe(100);
    // a speed of zero is not a speed: the file is refused, the city's parameters stay
    const bad = { ...city, screening: { ...city.screening, speedKmh: 0 } };
    await userEvent.upload(
      screen.getByLabelText(/导入本市救援可达参数 JSON/),
      new File([JSON.stringify(bad)], 'bad.json'),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/bad\.json.*screening\.speedKmh/);
    expect(store.getState().reachProfile.id).toBe('city-2027');
    await userEvent.click(screen.getByRole('button', { name: '恢复默认救援可达参数' }));
    expect(screen.getByTestId('reach-profile')).toHaveTextContent('网格边长 250 米');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
