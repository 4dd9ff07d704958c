/** metric-consistency on single entries, run directly on the rule. */

import { metricConsistency } from '../../src/rules/metric-consistency';
import type { EntryReport } from '../../src/rules/rule';
import type { Entry } from '../../src/core/model';
import { example } from '../helpers/repo';

function check(metrics: Record<string, number | null>, workload: Record<string, number | null> = {}, options: Record<string, unknown> = {}): EntryReport[] {
  const value = example('single_gpu');
  Object.assign(value.metrics, metrics);
  Object.assign(value.workload, workload);
  const entry: Entry = { file: 'data/a.json', index: -1, pointer: '', value, key: value.entry_id, fingerprint: '' };
  const reports: EntryReport[] = [];
  metricConsistency.checkEntry?.(entry, { options: { ...metricConsistency.meta.options, ...options }, now: new Date(), report: (report) => reports.push(report) });
  return reports;
}

const ids = (reports: EntryReport[]) => reports.map((report) => [report.messageId, report.pointer]);

test('the example entry is consistent', () => {
  expect(check({})).toEqual([]);
});

describe('throughput against concurrency and tpot', () => {
  test('eight streams at 20 ms can produce 400 tokens/s, so 420 passes and 450 does not', () => {
    // bound = 8 * 1000 / 20 = 400; with 10% tolerance 440
    expect(check({ tpot_ms: 20, tbt_ms: 20, throughput_tps: 420 }, { concurrent_requests: 8 })).toEqual([]);
    const reports = check({ tpot_ms: 20, tbt_ms: 20, throughput_tps: 450 }, { concurrent_requests: 8 });
    expect(ids(reports)).toEqual([['throughput', '/metrics/throughput_tps']]);
    expect(reports[0].data).toMatchObject({ streams: 8, bound: '400', throughput: '450' });
  });

  test('the larger of batch size and concurrency bounds it', () => {
    expect(check({ tpot_ms: 20, tbt_ms: 20, throughput_tps: 700 }, { concurrent_requests: 1, batch_size: 16 })).toEqual([]);
  });

  test('without concurrency or batch size nothing is judged', () => {
    expect(check({ tpot_ms: 20, tbt_ms: 20, throughput_tps: 5000 }, { concurrent_requests: null, batch_size: null })).toEqual([]);
  });

  test('a lower throughput than the bound is not reported, since prefill and gaps lower it', () => {
    expect(check({ tpot_ms: 0.066, tbt_ms: 0.066, throughput_tps: 47 })).toEqual([]);
  });
});

describe('tbt against tpot', () => {
  test('a factor of 8 is reported, 1.4 is not', () => {
    expect(ids(check({ tbt_ms: 120, tpot_ms: 960, throughput_tps: 1 }))).toEqual([['tbt-tpot', '/metrics/tbt_ms']]);
    expect(check({ tbt_ms: 10, tpot_ms: 14, throughput_tps: 1 })).toEqual([]);
  });

  test('the tolerance is an option', () => {
    expect(ids(check({ tbt_ms: 10, tpot_ms: 14, throughput_tps: 1 }, {}, { 'tbt-tolerance': 0.2 }))).toEqual([['tbt-tpot', '/metrics/tbt_ms']]);
  });
});

describe('KV bytes against tokens', () => {
  test.each([
    [4096, 0, 'kv-zero'],
    [0, 1024, 'kv-zero'],
    [4096, 128, 'kv-per-token'],
    [1, 16_777_216, 'kv-per-token'],
  ])('%d tokens in %d bytes: %s', (tokens, bytes, messageId) => {
    expect(ids(check({ kv_used_tokens: tokens, kv_used_bytes: bytes }))).toEqual([[messageId, '/metrics/kv_used_bytes']]);
  });

  test('both zero, or 32 KiB per token, pass', () => {
    expect(check({ kv_used_tokens: 0, kv_used_bytes: 0 })).toEqual([]);
    expect(check({ kv_used_tokens: 2048, kv_used_bytes: 67_108_864 })).toEqual([]);
  });
});

test('an error rate of 1 with a positive throughput is reported', () => {
  expect(ids(check({ error_rate: 1 }))).toEqual([['all-failed', '/metrics/throughput_tps']]);
  expect(check({ error_rate: 0.99 })).toEqual([]);
});
