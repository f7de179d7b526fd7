// The legend with rescue data: fire stations, teams and shelters have their own row and count, never 未评级 (the
// level filter does not hide them: they have no level); the bands, the circles and 初筛 with its sentence.
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { AppContext } from '../../src/ui/AppContext';
import { Legend } from '../../src/ui/Legend';
import { assessedReach } from '../../src/state/assessedReach';
import { reachCity } from '../helpers/reachCity';
import { setFilters } from '../../src/state/slices/view';

describe('the legend of a city with rescue data', () => {
  it('counts rescue sites apart from 未评级, and names the bands, circles and 初筛', async () => {
    const store = createAppStore();
    const engine = createEngineClient();
    const app = { store, engine };
    const { assessment, reach } = reachCity();
    assessedReach.note(assessment, reach);
    store.setState({ assessment });
    render(
      <AppContext.Provider value={app}>
        <Legend />
      </AppContext.Provider>,
    );
    // 10 sites: 6 rescue (F1, M1, T1, SH1–3); of the other 4, the unscored point and the compound have no level
    const unrated = screen.getByRole('row', { name: /未评级/ });
    expect(within(unrated).getAllByRole('cell')[2]).toHaveTextContent(/^2$/);
    expect(screen.getByTestId('reach-site-count')).toHaveTextContent(/^6 处$/);
    const legend = screen.getByTestId('reach-legend');
    expect(within(legend).getByRole('heading')).toHaveTextContent('救援可达(自接警起到场时间,初筛)');
    expect(within(legend).getByRole('note')).toHaveTextContent(
      '初筛:到达时间按直线(椭球面测地线)距离 × 绕行系数 1.4、车速 30 千米/小时估算(城市自定),须以路网复核',
    );
    expect(legend).toHaveTextContent('≤5 分钟(135救援圈内)');
    expect(legend).toHaveTextContent('135快速救援圈:自接警起5分钟内到达');
    expect(legend).toHaveTextContent('容量或人口未知(虚线,不视为满足)');

    // 未评级 unticked: no unrated risk point is left, every rescue site is
    act(() => setFilters(app, { levels: ['red', 'orange', 'yellow', 'blue'] }));
    await screen.findByText(/^6 \/ 6 处$/);
    expect(within(screen.getByRole('row', { name: /未评级/ })).getAllByRole('cell')[2]).toHaveTextContent(/^0 \/ 2$/);
  });
});
