import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it.each(['', 'abc', '118°61′', '118°46′75″', '东经', '1180°', ' ', '\t\uFEFF '])('rejects %j', (text) => {
    expect(parseDegrees(text)).toBeNull();
  });

  // a plain number is read with Number() before any trimming or prefix: the same value as trimming first (the reading
  // the function had before), for numbers in white space, blanks, zeros and other texts alike
  it('reads a plain number as Number() of the trimmed text', () => {
    const space = fc.constantFrom('', ' ', '\t', '\u3000', '\uFEFF', '\u00A0', '\r\n');
    const text = fc.oneof(
      fc.tuple(
        space,
        fc.oneof(fc.double().map(String), fc.constantFrom('0', '-0', '+0', '.5', '1e3', '0x10', '')),
        space,
      ),
      fc.tuple(space, fc.string({ maxLength: 12 }), space),
    );
    fc.assert(
      fc.property(text, ([a, body, b]) => {
        const t = `${a}${body}${b}`;
        const trimmed = t
          .trim()
          .replace(/^(东经|北纬)/, '')
          .replace(/^西经/, 'W')
          .replace(/^南纬/, 'S');
        const plain = Number(trimmed);
        const got = parseDegrees(t);
        if (trimmed === '') return got === null;
        if (Number.isFinite(plain)) return Object.is(got, plain);
        return got === null || Number.isFinite(got);
      }),
      { numRuns: 3000 },
    );
  });
});
