import { describe, expect, it, vi } from 'vitest';
import { syncViewWithHash } from '../../src/app/hashSync';
import { createAppStore } from '../../src/state/store';
import { decodeView, encodeView, proposalLinkOf, type ProposalLink } from '../../src/state/viewHash';
import { NO_FILTERS } from '../../src/state/mapFilters';
import type { Assessment, Site } from '../../src/engine';

/** A tab's location and history: replaceState rewrites the hash without an event, as browsers do. */
function fakeTab(hash = '') {
  const events = new EventTarget();
  const location = { hash, pathname: '/', search: '' } as Location;
  const history = {
    replaceState: vi.fn(
      (_s: unknown, _t: string, url: string) => void (location.hash = url.startsWith('#') ? url : ''),
    ),
  } as unknown as History;
  const paste = (h: string) => {
    location.hash = h;
    events.dispatchEvent(new Event('hashchange'));
  };
  return { location, history, events, paste };
}

const assessment = {
  zones: [{ id: 'z1', name: '玄武区' }],
  sites: [{ id: 's1' }],
  findings: [],
} as unknown as Assessment;
const kindergarten: ProposalLink = {
  site: { id: 'PROPOSED-1', name: '新幼儿园', category: 'kindergarten', users: 300 },
  geometry: { type: 'Point', coordinates: [118.781234, 32.041234] },
};

describe('the view hash follows pasted links', () => {
  it('round-trips a proposal (point and outline) and ignores a malformed one', () => {
    const outline: ProposalLink = {
      site: { id: 'PROPOSED-1', name: '油站', category: 'fuel_station', stationGrade: 2, vapourRecovery: 'full' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [118.78, 32.04],
            [118.781, 32.04],
            [118.781, 32.041],
            [118.78, 32.04],
          ],
        ],
      },
    };
    for (const p of [kindergarten, outline])
      expect(
        decodeView(`#${encodeView({ camera: null, filters: NO_FILTERS, selection: null, proposal: p })}`).proposal,
      ).toEqual(p);
    expect(decodeView('#wi=kindergarten&wig=999,1').proposal).toBeNull();
    expect(decodeView('#wi=not_a_category&wig=118.78,32.04').proposal).toBeNull();
    expect(decodeView('#wi=kindergarten&wig=118.78,32.04&wix=u:-5,b:x,zz:1').proposal?.site).toEqual({
      id: 'PROPOSED-1',
      name: 'kindergarten',
      category: 'kindergarten',
    });
  });

  it('applies a pasted link’s filters, camera, selection and proposal once', () => {
    const store = createAppStore();
    store.setState({ assessment, saveState: { status: 'saved', message: null } });
    const tab = fakeTab();
    const what = { restoreProposal: vi.fn(), clearProposal: vi.fn() };
    const stop = syncViewWithHash(store, tab.location, tab.history, what, tab.events);
    tab.paste(
      '#map=14.00/32.05000/118.80000&lv=red&only=1&sel=zone:z1&wi=kindergarten&win=新幼儿园&wix=u:300&wig=118.781234,32.041234',
    );
    const s = store.getState();
    expect(s.camera).toEqual({ lon: 118.8, lat: 32.05, zoom: 14 });
    expect(s.filters.levels).toEqual(['red']);
    expect(s.filters.violationsOnly).toBe(true);
    expect(s.selection).toEqual({ kind: 'zone', id: 'z1' });
    expect(what.restoreProposal).toHaveBeenCalledTimes(1);
    expect(what.restoreProposal.mock.calls[0]![0]).toEqual(kindergarten);
    // the same link again changes nothing
    store.setState({
      proposal: { site: { ...kindergarten.site, geometry: kindergarten.geometry } as Site, result: null, error: null },
    });
    const filters = store.getState().filters;
    tab.paste(tab.location.hash);
    expect(store.getState().filters).toBe(filters);
    expect(what.restoreProposal).toHaveBeenCalledTimes(1);
    // a link without the proposal clears it; one naming a zone that is not there clears the selection
    tab.paste('#sel=zone:nowhere');
    expect(what.clearProposal).toHaveBeenCalledTimes(1);
    expect(store.getState().selection).toBeNull();
    stop();
  });

  it('keeps the proposal in the hash as it changes, and restores it on reload once the project is assessed', async () => {
    const store = createAppStore();
    const tab = fakeTab();
    const stop = syncViewWithHash(
      store,
      tab.location,
      tab.history,
      { restoreProposal: vi.fn(), clearProposal: vi.fn() },
      tab.events,
    );
    store.setState({
      proposal: { site: { ...kindergarten.site, geometry: kindergarten.geometry } as Site, result: null, error: null },
    });
    expect(decodeView(tab.location.hash).proposal).toEqual(
      proposalLinkOf({ ...kindergarten.site, geometry: kindergarten.geometry } as Site),
    );
    stop();

    // reload: a new store reads the hash, and waits for the assessment before restoring
    const reloaded = createAppStore();
    const restoreProposal = vi.fn();
    const stop2 = syncViewWithHash(
      reloaded,
      tab.location,
      tab.history,
      { restoreProposal, clearProposal: vi.fn() },
      tab.events,
    );
    reloaded.setState({ camera: { lon: 118, lat: 32, zoom: 9 } }); // the map reports its position before the project is open
    expect(decodeView(tab.location.hash).proposal).toEqual(kindergarten); // still in the link while waiting
    expect(restoreProposal).not.toHaveBeenCalled();
    reloaded.setState({ assessment, saveState: { status: 'saved', message: null } });
    await new Promise((r) => setTimeout(r, 0));
    expect(restoreProposal).toHaveBeenCalledWith(kindergarten);
    stop2();
  });

  it("reads a link's level filter, including the unscored level by its old name `none`", () => {
    expect(decodeView('#lv=red,unscored').filters.levels).toEqual(['red', 'unscored']);
    expect(decodeView('#lv=red,none').filters.levels).toEqual(['red', 'unscored']);
    expect(decodeView('#lv=red,bogus').filters.levels).toEqual(['red']);
  });
});
