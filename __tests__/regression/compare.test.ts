/** The statistics and formatting of comparisons, with values worked out by hand. */

import { formatChange, formatNumber, mad, median, metricKind, robustZ, unitHint, worsening } from '../../src/core/compare';

describe('median and MAD', () => {
  test.each([
    [[3, 1, 2], 2, 1],
    [[4, 1, 3, 2], 2.5, 1],
    [[48, 49, 50, 51, 52, 53], 50.5, 1.5],
    [[10, 10, 10, 1000], 10, 0],
  ])('%j has median %d and MAD %d', (values, centre, spread) => {
    expect(median(values)).toBe(centre);
    expect(mad(values)).toBe(spread);
  });

  test('an empty list has no median', () => {
    expect(median([])).toBeNaN();
  });
});

describe('robust z-score', () => {
  test('is 0.6745 times the distance in MADs', () => {
    expect(robustZ(54, 50.5, 1.5, 0.01)).toBeCloseTo(1.5738, 4);
    expect(robustZ(0.0505, 50.5, 1.5, 0.01)).toBeCloseTo(-22.6855, 4);
  });

  test('raises a zero MAD to the floor share of the median', () => {
    // scale = 0.01 * 100 = 1, so z = 0.6745 * 5 / 1
    expect(robustZ(105, 100, 0, 0.01)).toBeCloseTo(3.3725, 4);
  });

  test('has no value when median and MAD are both zero', () => {
    expect(robustZ(0.01, 0, 0, 0.01)).toBeNaN();
  });
});

describe('worsening', () => {
  const latency = metricKind('ttft_ms')!;
  const throughput = metricKind('throughput_tps')!;
  const errors = metricKind('error_rate')!;

  test.each([
    ['slower latency', 130, 100, latency, 0.3],
    ['faster latency', 40, 100, latency, -0.6],
    ['lower throughput', 70, 100, throughput, 0.3],
    ['higher throughput', 160, 100, throughput, -0.6],
    ['more errors, in points', 0.07, 0.01, errors, 0.06],
  ])('%s', (_name, value, reference, kind, expected) => {
    expect(worsening(value, reference, kind)).toBeCloseTo(expected, 10);
  });

  test('a relative change from zero has no value', () => {
    expect(worsening(5, 0, latency)).toBeUndefined();
  });
});

describe('metric kinds', () => {
  test.each([
    ['ttft_ms', 'lower', 'relative', true],
    ['throughput_tps', 'higher', 'relative', true],
    ['spec_accept_rate', 'higher', 'points', true],
    ['evict_count', 'lower', 'relative', false],
    ['p95_itl_ms', 'lower', 'relative', true],
    ['request_throughput_rps', 'higher', 'relative', true],
  ])('%s is %s is better, %s', (name, direction, scale, regression) => {
    expect(metricKind(name)).toEqual({ direction, scale, regression });
  });

  test('kv_used_bytes has no direction unless configured', () => {
    expect(metricKind('kv_used_bytes')).toBeUndefined();
    expect(metricKind('kv_used_bytes', { kv_used_bytes: 'lower' })).toEqual({ direction: 'lower', scale: 'relative', regression: true });
  });
});

describe('unit hints', () => {
  test.each([
    ['ttft_ms', 0.05, 50, 'hint-seconds'],
    ['ttft_ms', 50_000, 50, 'hint-microseconds'],
    ['peak_mem_mb', 15.5, 15_571, 'hint-gigabytes'],
    ['error_rate', 1.5, 0.015, 'hint-percent'],
    ['throughput_tps', 9.43, 943, 'hint-smaller'],
  ])('%s %d against %d: %s', (metric, value, reference, id) => {
    expect(unitHint(metric, value, reference)?.id).toBe(id);
  });

  test('a factor of 10 or 20 names no unit', () => {
    expect(unitHint('ttft_ms', 5, 50)).toBeUndefined();
    expect(unitHint('ttft_ms', 2.5, 50)).toBeUndefined();
  });
});

describe('numbers for reading', () => {
  test.each([
    [0, '0'],
    [130, '130'],
    [94.33962264, '94.34'],
    [0.0505, '0.0505'],
    [0.1 + 0.2, '0.3'],
    [15571, '15,571'],
    [67108864, '67,108,864'],
  ])('%d reads %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  test('changes carry their sign and scale', () => {
    expect(formatChange(0.3, 'relative')).toBe('+30.0%');
    expect(formatChange(-0.6, 'relative')).toBe('−60.0%');
    expect(formatChange(0.06, 'points')).toBe('+6.0 pp');
  });
});
