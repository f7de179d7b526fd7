// Errors are kept as catalogue keys and translated when shown, so they follow a language switch.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { createEngineClient } from '../../src/worker/engineClient';
import { showMessage } from '../../src/i18n/shownMessage';
import { translator } from '../../src/i18n/translate';
import { importZones } from '../../src/state/slices/data';

describe('an error kept in the store', () => {
  it('is shown in the language chosen when it is shown, not when it happened', async () => {
    const store = createAppStore();
    const services = { store, engine: createEngineClient() };
    // a zoning file with no zone in it: the app's own (catalogue) error, about that file
    await importZones(
      services,
      'empty.geojson',
      new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
    );
    const kept = store.getState().zonesError!;
    expect(kept).not.toBeNull();
    const zh = showMessage(translator('zh-CN'), kept);
    const en = showMessage(translator('en'), kept);
    expect(zh).toMatch(/^empty\.geojson: /);
    expect(en).toMatch(/^empty\.geojson: /);
    expect(zh).not.toBe(en);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/); // nothing of the Chinese message left after switching
  });

  it('keeps a message from elsewhere (a library error) as it came', () => {
    expect(showMessage(translator('en'), { text: 'Unexpected token' })).toBe('Unexpected token');
  });
});
