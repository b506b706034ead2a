import { describe, expect, it } from 'vitest';
import { durationText, statusText, statusTone } from '../../renderer/src/traffic/flow-cells';
import { clampSplit, keyedSplit } from '../../renderer/src/traffic/split-size';

describe('the Status and Total cells of a Traffic row', () => {
  it('colours a success with an error note as an error and one with a warning as a warning', () => {
    expect(statusTone({ status: 201, noteLevel: 'error' })).toBe('error');
    expect(statusTone({ status: 200, noteLevel: 'warn' })).toBe('warn');
    expect(statusTone({ status: 201, noteLevel: 'info' })).toBe('ok');
    expect(statusTone({ status: 201 })).toBe('ok');
    expect(statusTone({ status: 409, noteLevel: 'info' })).toBe('warn');
    expect(statusTone({ status: null })).toBe('error');
  });

  it('shows the code, a short failure word, or "no answer" for a long failure', () => {
    expect(statusText({ status: 201 })).toBe('201');
    expect(statusText({ status: null, error: 'unreachable' })).toBe('unreachable');
    expect(
      statusText({ status: null, error: 'the client closed the connection before the answer ended' }),
    ).toBe('no answer');
  });

  it('writes any total in at most 7 characters', () => {
    for (const [ms, text] of [
      [0.4, '0 ms'],
      [184.2, '184 ms'],
      [9999.4, '9999 ms'],
      [12_345, '12.3 s'],
      [153_000, '153 s'],
      [3_600_000, '3600 s'],
    ] as const) {
      expect(durationText(ms)).toBe(text);
      expect(durationText(ms).length).toBeLessThanOrEqual(7);
    }
  });
});

describe('the list/detail split', () => {
  const bounds = { minFirstPx: 520, minSecondPx: 320 };
  it('keeps both panes at their minimum widths, the list first when they cannot both fit', () => {
    expect(clampSplit(55, 1000, bounds)).toBe(55);
    expect(clampSplit(10, 1000, bounds)).toBe(52);
    expect(clampSplit(90, 1000, bounds)).toBe(68);
    expect(clampSplit(60, 700, bounds)).toBeCloseTo(74.3, 1);
  });

  it('moves by 2 % per arrow key, 10 % with Shift, to the ends with Home and End', () => {
    expect(keyedSplit('ArrowLeft', false, 55)).toBe(53);
    expect(keyedSplit('ArrowRight', true, 55)).toBe(65);
    expect(keyedSplit('Home', false, 55)).toBe(0);
    expect(keyedSplit('End', false, 55)).toBe(100);
    expect(keyedSplit('a', false, 55)).toBeUndefined();
  });
});
