import { describe, expect, it } from 'vitest';
import { parseDegrees } from '../../../src/io/parseDegrees';

describe('parseDegrees', () => {
  // 118°46′30.5″ = 118 + 46/60 + 30.5/3600 = 118.775138… (worked by hand)
  const expected = 118 + 46 / 60 + 30.5 / 3600;
  it.each([
    ['118.775', 118.775],
    ['118°46′30.5″E', expected],
    ['118°46\'30.5"', expected],
    ['118度46分30.5秒', expected],
    ['E118 46 30.5', expected],
    ['东经118°46′30.5″', expected],
    ['北纬32°02′', 32 + 2 / 60],
    ['32°02′N', 32 + 2 / 60],
    ['32°', 32],
    ['118°46′30.5″W', -expected],
  ])('%s → %s', (text, value) => {
    const got = parseDegrees(text);
    if (value === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(value, 9);
  });

  it.each(['', 'abc', '118°61′', '118°46′75″', '东经', '1180°'])('rejects %j', (text) => {
    expect(parseDegrees(text)).toBeNull();
  });
});
