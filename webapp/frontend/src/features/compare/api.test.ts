import { describe, expect, it } from 'vitest';
import { labels, metricRows, parameterRows } from './api';
import type { Task } from '../../api/types';

const task = (id: string, lr: string, extra: Partial<Task> = {}): Task => ({
  id, name: 'run', hyperparams: { Args: { lr: { name: 'lr', value: lr }, bs: { name: 'bs', value: '64' } } }, ...extra,
});

describe('parameterRows', () => {
  it('marks a parameter that differs and one missing on a side as different, equal ones not', () => {
    const rows = parameterRows([task('a', '0.1'), task('b', '0.01', { configuration: { cfg: { name: 'cfg', value: 'x' } } })]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey['Args/lr'].differs).toBe(true);
    expect(byKey['Args/bs'].differs).toBe(false);
    expect(byKey.cfg.values).toEqual([undefined, 'x']);
    expect(byKey.cfg.differs).toBe(true);
  });
});

describe('metricRows', () => {
  it('lines up last values by metric and variant names', () => {
    const lm = (v: number) => ({ m1: { v1: { metric: 'loss', variant: 'train', value: v } } });
    const rows = metricRows([task('a', '1', { last_metrics: lm(0.5) }), task('b', '1', { last_metrics: lm(0.5) })]);
    expect(rows).toEqual([{ group: 'Last values', key: 'loss/train', values: ['0.5', '0.5'], differs: false }]);
  });
});

describe('labels', () => {
  it('adds the id start only when names collide', () => {
    const l = labels([{ id: 'aaaaaaaa', name: 'x' }, { id: 'bbbbbbbb', name: 'x' }, { id: 'c', name: 'y' }]);
    expect(l.get('aaaaaaaa')).toBe('x (aaaaaa)');
    expect(l.get('c')).toBe('y');
  });
});
