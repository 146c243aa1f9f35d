import { describe, expect, it } from 'vitest';
import { showValue, touching, type HistoryEntry } from './api';

const entry = (seq: number, ...fields: string[]): HistoryEntry =>
  ({ seq, time: '', kind: 'edited', description: '', changes: fields.map((field) => ({ field, before: 1, after: 2 })) });

describe('touching', () => {
  it('keeps the entries that change the field or a field inside it', () => {
    const entries = [entry(1, 'hyperparams.Args.lr.value'), entry(2, 'name'), entry(3, 'execution.artifacts[m.pkl]')];
    expect(touching(entries, 'hyperparams.Args').map((e) => e.seq)).toEqual([1]);
    expect(touching(entries, 'name').map((e) => e.seq)).toEqual([2]);
    expect(touching(entries, 'execution.artifacts').map((e) => e.seq)).toEqual([3]);
    expect(touching(entries, 'nam')).toEqual([]);
    expect(touching([entry(0, 'hyperparams')], 'hyperparams.Args.lr.value').map((e) => e.seq)).toEqual([0]);
  });
});

describe('showValue', () => {
  it('shows absent values as a dash and lists as JSON', () => {
    expect(showValue(null)).toBe('—');
    expect(showValue(['a'])).toBe('["a"]');
    expect(showValue('x')).toBe('x');
  });
});
