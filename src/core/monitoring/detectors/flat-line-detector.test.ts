import { describe, expect, it } from 'vitest';
import { detectFlatLine } from './flat-line-detector.ts';

const flat = Array.from({ length: 20 }, () => 0.12);
const wavy = (phase: number) => Array.from({ length: 20 }, (_, i) => 0.2 + 0.05 * Math.sin(i / 3 + phase));

describe('detectFlatLine', () => {
  it('flags a constant sensor while its neighbours vary', () => {
    expect(detectFlatLine(flat, [wavy(0), wavy(1)])).toEqual({
      verdict: 'flat-line',
      isFlatLine: true,
      targetRange: 0,
      varyingNeighbours: 2,
      neighbourCount: 2,
    });
  });

  it('does not flag a varying sensor', () => {
    expect(detectFlatLine(wavy(2), [wavy(0)]).verdict).toBe('varies');
  });

  it('does not flag a quiet mine where every sensor is constant', () => {
    expect(detectFlatLine(flat, [flat, flat]).verdict).toBe('all-flat');
  });

  it('needs enough samples', () => {
    expect(detectFlatLine(flat.slice(0, 5), [wavy(0)]).verdict).toBe('insufficient-data');
  });

  it('a tolerance absorbs sensor resolution jitter', () => {
    const jitter = flat.map((v, i) => v + (i % 2) * 0.01);
    expect(detectFlatLine(jitter, [wavy(0)]).verdict).toBe('varies');
    expect(detectFlatLine(jitter, [wavy(0)], { tolerance: 0.02 }).verdict).toBe('flat-line');
  });
});
