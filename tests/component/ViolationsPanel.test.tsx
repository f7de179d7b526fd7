import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { AppContext } from '../../src/ui/AppContext';
import { ViolationsPanel } from '../../src/ui/ViolationsPanel';
import { assess } from '../../src/engine';
import { createConfig, createSite } from '../helpers/sites';
import { select } from '../../src/state/slices/view';

// 250 petrol stations, each 5 m east of its own school: 250 findings (GB 50156 asks 35 m or more of a school)
function assessmentWith250Findings() {
  const sites = Array.from({ length: 250 }, (_, i) => {
    const lat = 32 + i * 0.01;
    return [
      createSite({ id: `S${i}`, name: `学校${i}`, category: 'school', at: [118.78, lat] }),
      createSite({
        id: `F${i}`,
        name: `加油站${i}`,
        category: 'fuel_station',
        at: [118.78 + 5 / 94_500, lat],
        stationGrade: 2,
        vapourRecovery: 'full',
      }),
    ];
  }).flat();
  return assess({ sites, zones: [] }, createConfig());
}

describe('the violation list of a large city', () => {
  it('puts one page of rows in the DOM, pages through the rest, and turns to a finding selected elsewhere', async () => {
    const store = createAppStore();
    const engine = createEngineClient();
    const app = { store, engine };
    const assessment = assessmentWith250Findings();
    expect(assessment.findings.filter((v) => v.status === 'violation')).toHaveLength(250);
    store.setState({ assessment });
    render(
      <AppContext.Provider value={app}>
        <ViolationsPanel />
      </AppContext.Provider>,
    );
    const table = screen.getByRole('table', { name: '防护距离问题清单' });
    expect(within(table).getAllByRole('row')).toHaveLength(101); // header + 100
    expect(screen.getByRole('status')).toHaveTextContent('250 条');
    const pager = screen.getByRole('navigation', { name: '防护距离问题清单 分页' });
    expect(pager).toHaveTextContent('第 1 / 3 页,共 250 行');
    await userEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(pager).toHaveTextContent('第 2 / 3 页');
    // a finding on the last page, selected from the map or the site panel, brings its page
    const shown = new Set(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[1]!.textContent),
    );
    const elsewhere = assessment.findings.findIndex(
      (v) => !shown.has(assessment.sites.find((s) => s.id === v.hazardId)!.name),
    );
    act(() => select(app, { kind: 'violation', index: elsewhere }));
    const selected = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected).toBeDefined();
    expect(selected).toHaveTextContent(
      assessment.sites.find((s) => s.id === assessment.findings[elsewhere]!.hazardId)!.name,
    );
  });
});

describe('a finding shows what it was weighed against', () => {
  it('lists the site’s own 20 m beside the GB 50016 rule that governed, and marks a point-to-point verdict 初筛', () => {
    const store = createAppStore();
    const engine = createEngineClient();
    const app = { store, engine };
    // a hazchem store declaring 20 m, 30 m (≈ 30 / 94 500 degrees of longitude) from a school of unknown size
    const sites = [
      createSite({
        id: 'H',
        name: '储存设施',
        category: 'hazchem_storage',
        at: [118.78, 32.04],
        protectionDistanceM: 20,
      }),
      createSite({ id: 'S', name: '学校', category: 'school', at: [118.78 + 30 / 94_500, 32.04] }),
    ];
    store.setState({ assessment: assess({ sites, zones: [] }, createConfig()) });
    render(
      <AppContext.Provider value={app}>
        <ViolationsPanel />
      </AppContext.Provider>,
    );
    const table = screen.getByRole('table', { name: '防护距离问题清单' });
    expect(within(table).getByRole('columnheader', { name: '其他要求' })).toBeDefined();
    const [row] = within(table).getAllByRole('row').slice(1);
    const cells = within(row!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('不符合 · 初筛');
    expect(cells[4]).toHaveTextContent('50');
    expect(cells.at(-1)).toHaveTextContent('site-protection-distance 20');
  });
});
