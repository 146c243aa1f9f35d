import { describe, expect, it } from 'vitest';
import { chartTraces, smooth, toSeries } from './series';

describe('toSeries', () => {
  it('keeps the min/max envelope of a bucketed series aligned with its points', () => {
    const s = toSeries('train', { x: [0, 10, 20], y: [1, 2, 3], y_min: [0.5, 1, 2], y_max: [1.5, 40, 3] }, 'iter');
    expect(s.yMax).toEqual([1.5, 40, 3]);
    expect(s.yMin).toEqual([0.5, 1, 2]);
  });

  it('draws a series without envelope (all points, or interleaved min/max/last) as it is', () => {
    const s = toSeries('train', { x: [0, 3, 7, 9], y: [1, 25, 1, 1] }, 'iter');
    expect(s.yMin).toBeUndefined();
    expect(Math.max(...s.y)).toBe(25);
  });

  it('puts relative time in seconds from the first point and wall time as dates', () => {
    const raw = { x: [1_700_000_000_000, 1_700_000_002_000], y: [1, 2] };
    expect(toSeries('v', raw, 'relative').x).toEqual([0, 2]);
    expect(toSeries('v', { x: ['2024-01-01T00:00:00Z'], y: [1] }, 'wall').x[0]).toEqual(new Date('2024-01-01T00:00:00Z'));
  });
});

describe('smooth', () => {
  it('is the identity at weight 0 and an unbiased moving average above', () => {
    expect(smooth([1, 2, 3], 0)).toEqual([1, 2, 3]);
    const s = smooth([1, 1, 1, 10], 0.5);
    expect(s[0]).toBeCloseTo(1);
    expect(s[3]).toBeGreaterThan(1);
    expect(s[3]).toBeLessThan(10);
  });
});

describe('chartTraces', () => {
  it('adds an envelope pair filled between max and min before the line', () => {
    const s = toSeries('train', { x: [0, 1], y: [1, 2], y_min: [0, 1], y_max: [2, 30] }, 'iter');
    const traces = chartTraces([s], 0) as { name: string; fill?: string }[];
    expect(traces.map((t) => t.name)).toEqual(['train max', 'train min–max', 'train']);
    expect(traces[1].fill).toBe('tonexty');
  });
});
