/**
 * Hand-made regressions of one published configuration. Expected numbers are
 * worked out by hand in each case; ttft_ms is lower-is-better, so a larger
 * value is slower.
 */

import { byRule, checkChange, example, json, lineOf } from '../helpers/repo';
import { renderText } from '../../src/report/text';

const FILE = 'data/results.json';

function entry(id: string, metrics: Record<string, number | null>): any {
  const value = example('single_gpu');
  value.entry_id = id;
  Object.assign(value.metrics, metrics);
  return value;
}

const PUBLISHED = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const base = [entry(PUBLISHED, { ttft_ms: 100 })];

async function addResult(ttft: number, extra: { config?: string; labels?: string[] } = {}) {
  const head = [...base, entry(NEW, { ttft_ms: ttft })];
  const headText = json(head);
  const baseFiles: Record<string, string> = { [FILE]: json(base) };
  if (extra.config !== undefined) baseFiles['.github/leaderboard-check.yml'] = extra.config;
  const report = await checkChange(baseFiles, { [FILE]: headText }, { labels: extra.labels });
  return { report, line: lineOf(headText, `"ttft_ms": ${ttft}`) };
}

describe('metric-regression against one published result', () => {
  test('30% slower is an error', async () => {
    // (130 - 100) / 100 = 0.30 > 0.10
    const { report, line } = await addResult(130);
    const findings = byRule(report, 'metric-regression');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', line, file: FILE, entryId: NEW });
    expect(findings[0].message).toBe(
      'ttft_ms is 130, +30.0% (worse, lower is better) against 100 of the published result with the same configuration; the error threshold is 10%. ' +
        'A regression this size usually means a misconfigured run: check the machine and the command, or acknowledge it in the configuration with a reason.',
    );
    expect(report.summary.errors).toBe(1);
  });

  test('7% slower is a warning', async () => {
    // (107 - 100) / 100 = 0.07, above 0.05 and below 0.10
    const { report, line } = await addResult(107);
    const findings = byRule(report, 'metric-regression');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', line });
    expect(findings[0].message).toContain('+7.0% (worse, lower is better)');
    expect(findings[0].message).toContain('the warning threshold is 5%');
  });

  test('3% slower is within the thresholds and reported nowhere but the table', async () => {
    const { report } = await addResult(103);
    expect(byRule(report, 'metric-regression')).toHaveLength(0);
    const ttft = report.comparisons.find((comparison) => comparison.metric === 'ttft_ms');
    expect(ttft).toMatchObject({ entryId: NEW, baseValue: 100, newValue: 103, peers: 1, severity: 'ok' });
    expect(ttft?.worsening).toBeCloseTo(0.03, 10);
  });

  test('an acknowledgement in the configuration turns the error into a notice with its reason', async () => {
    const config = ['comparison:', '  acknowledgements:', `    - entry: ${NEW}`, '      metric: ttft_ms', '      reason: driver 550 is slower on first token'].join('\n');
    const { report, line } = await addResult(130, { config });
    const findings = byRule(report, 'metric-regression');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'notice', line, messageId: 'acknowledged' });
    expect(findings[0].message).toBe('ttft_ms is 130, +30.0% (worse, lower is better) against 100 of the published result with the same configuration; acknowledged: driver 550 is slower on first token.');
    expect(report.summary.errors).toBe(0);
    expect(report.comparisons[0]).toMatchObject({ metric: 'ttft_ms', severity: 'notice', acknowledged: 'driver 550 is slower on first token' });
  });

  test('an acknowledgement of another metric leaves the error', async () => {
    const config = ['comparison:', '  acknowledgements:', `    - entry: ${NEW}`, '      metric: throughput_tps', '      reason: new scheduler'].join('\n');
    const { report } = await addResult(130, { config });
    expect(byRule(report, 'metric-regression').map((finding) => finding.severity)).toEqual(['error']);
  });

  test('the configured pull request label acknowledges it too', async () => {
    const config = ['comparison:', '  acknowledge-label: expected-regression'].join('\n');
    const withLabel = await addResult(130, { config, labels: ['expected-regression'] });
    expect(byRule(withLabel.report, 'metric-regression').map((finding) => [finding.severity, finding.line])).toEqual([['notice', withLabel.line]]);
    const otherLabel = await addResult(130, { config, labels: ['docs'] });
    expect(byRule(otherLabel.report, 'metric-regression').map((finding) => finding.severity)).toEqual(['error']);
  });

  test('60% faster is a notice asking for a second look', async () => {
    // (40 - 100) / 100 = -0.60, an improvement beyond 0.50
    const { report, line } = await addResult(40);
    const findings = byRule(report, 'metric-regression');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'notice', line, messageId: 'improvement' });
    expect(findings[0].message).toContain('ttft_ms is 40, −60.0% (better, lower is better) against 100');
    expect(findings[0].message).toContain('beyond the 50%');
  });

  test('per-metric thresholds replace the defaults for that metric only', async () => {
    const config = ['rules:', '  metric-regression:', '    thresholds:', '      ttft_ms: { warning: 0.2, error: 0.4 }'].join('\n');
    const { report, line } = await addResult(130, { config });
    expect(byRule(report, 'metric-regression').map((finding) => [finding.severity, finding.line])).toEqual([['warning', line]]);
  });
});

describe('metric-regression against several published results', () => {
  test('compares with the median and says how many results it rests on', async () => {
    // Published 90, 100, 110: median 100, MAD 10 (10% of the median). 130 is +30%.
    const ids = ['33333333-3333-4333-8333-333333333331', '33333333-3333-4333-8333-333333333332', '33333333-3333-4333-8333-333333333333'];
    const published = [entry(ids[0], { ttft_ms: 90 }), entry(ids[1], { ttft_ms: 110 }), entry(ids[2], { ttft_ms: 100 })];
    const headText = json([...published, entry(NEW, { ttft_ms: 130 })]);
    const report = await checkChange({ [FILE]: json(published) }, { [FILE]: headText });
    const findings = byRule(report, 'metric-regression');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', line: lineOf(headText, '"ttft_ms": 130') });
    expect(findings[0].message).toContain('against the median 100 of 3 published results with the same configuration (spread ±10.0%)');
    expect(report.comparisons.find((comparison) => comparison.metric === 'ttft_ms')).toMatchObject({ baseValue: 100, newValue: 130, peers: 3 });
  });

  test('a lower throughput is a regression, shown as a negative change', async () => {
    // throughput_tps is higher-is-better: (94.3 - 80) / 94.3 = 0.1516 worse
    const headText = json([...base, entry(NEW, { ttft_ms: 100, throughput_tps: 80 })]);
    const report = await checkChange({ [FILE]: json(base) }, { [FILE]: headText });
    const findings = byRule(report, 'metric-regression');
    expect(findings.map((finding) => [finding.severity, finding.line])).toEqual([['error', lineOf(headText, '"throughput_tps": 80')]]);
    expect(findings[0].message).toContain('throughput_tps is 80, −15.2% (worse, higher is better) against 94.3');
  });

  test('a different configuration is not comparable', async () => {
    const other = entry(NEW, { ttft_ms: 200 });
    other.workload.input_length = 2048;
    const report = await checkChange({ [FILE]: json(base) }, { [FILE]: json([...base, other]) });
    expect(byRule(report, 'metric-regression')).toHaveLength(0);
    expect(report.comparisons).toHaveLength(0);
  });

  test('the terminal report shows the table, most severe first', async () => {
    const ids = ['44444444-4444-4444-8444-444444444441', '44444444-4444-4444-8444-444444444442'];
    const headText = json([...base, entry(ids[0], { ttft_ms: 107 }), entry(ids[1], { ttft_ms: 130 })]);
    const report = await checkChange({ [FILE]: json(base) }, { [FILE]: headText });
    const text = renderText(report);
    const rows = text.split('\n').filter((line) => line.includes('ttft_ms') && line.startsWith('  '));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`^  ${ids[1]}\\s+data/results.json:${lineOf(headText, '"ttft_ms": 130')}\\s+ttft_ms\\s+100\\s+130\\s+\\+30\\.0% worse\\s+error\\s+1$`));
    expect(rows[1]).toMatch(/\+7\.0% worse\s+warning\s+1$/);
    expect(text).toContain('Compared with published results of the same configuration');
  });
});

describe('metric-outlier', () => {
  test('a TTFT in seconds among six millisecond peers is an outlier with the unit hint', async () => {
    // Peers 48..53: median 50.5, absolute deviations 2.5 1.5 0.5 0.5 1.5 2.5, MAD 1.5.
    // z = 0.6745 * (0.0505 - 50.5) / 1.5 = -22.685; 50.5 / 0.0505 = 1000.
    const peers = [48, 49, 50, 51, 52, 53].map((ttft, index) => entry(`55555555-5555-4555-8555-55555555555${index}`, { ttft_ms: ttft }));
    const headText = json([...peers, entry(NEW, { ttft_ms: 0.0505 })]);
    const report = await checkChange({ [FILE]: json(peers) }, { [FILE]: headText });
    const findings = byRule(report, 'metric-outlier');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', line: lineOf(headText, '"ttft_ms": 0.0505'), entryId: NEW });
    expect(findings[0].message).toBe(
      'ttft_ms is 0.0505, far from the 6 published results with the same configuration: median 50.5, robust z-score -22.7 (limit ±3.5). ' +
        'It is about 1000 times smaller than the median: was it written in seconds where milliseconds belong?',
    );
    // The same value is also far too good to be a real improvement.
    expect(byRule(report, 'metric-regression').map((finding) => [finding.severity, finding.messageId])).toEqual([['notice', 'improvement']]);
  });

  test('a value within the spread of six peers is no outlier', async () => {
    // z = 0.6745 * (54 - 50.5) / 1.5 = 1.57
    const peers = [48, 49, 50, 51, 52, 53].map((ttft, index) => entry(`55555555-5555-4555-8555-55555555555${index}`, { ttft_ms: ttft }));
    const report = await checkChange({ [FILE]: json(peers) }, { [FILE]: json([...peers, entry(NEW, { ttft_ms: 54 })]) });
    expect(byRule(report, 'metric-outlier')).toHaveLength(0);
  });

  test('four peers are too few to call an outlier', async () => {
    const peers = [48, 49, 50, 51].map((ttft, index) => entry(`55555555-5555-4555-8555-55555555555${index}`, { ttft_ms: ttft }));
    const report = await checkChange({ [FILE]: json(peers) }, { [FILE]: json([...peers, entry(NEW, { ttft_ms: 0.05 })]) });
    expect(byRule(report, 'metric-outlier')).toHaveLength(0);
  });

  test('an error rate in percent among fractions gets the percent hint', async () => {
    // Peers 0.01..0.015: median 0.0125; 1.25 / 0.0125 = 100.
    const peers = [0.01, 0.011, 0.012, 0.013, 0.014, 0.015].map((rate, index) => entry(`66666666-6666-4666-8666-66666666666${index}`, { error_rate: rate }));
    const bad = entry(NEW, { error_rate: 1.25 });
    const report = await checkChange({ [FILE]: json(peers) }, { [FILE]: json([...peers, bad]) });
    const findings = byRule(report, 'metric-outlier');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('was a percentage written where a fraction in [0, 1] belongs?');
  });
});

describe('metric-consistency', () => {
  test('a throughput ten times what one stream can produce at its tpot is caught', async () => {
    // concurrency 1, tpot 10.6 ms: at most 1000 / 10.6 = 94.34 tokens/s, 103.8 with 10%.
    const headText = json([...base, entry(NEW, { ttft_ms: 100, throughput_tps: 943 })]);
    const report = await checkChange({ [FILE]: json(base) }, { [FILE]: headText });
    const findings = byRule(report, 'metric-consistency');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', line: lineOf(headText, '"throughput_tps": 943'), messageId: 'throughput' });
    expect(findings[0].message).toContain('throughput_tps 943 exceeds what 1 concurrent requests can produce at tpot_ms 10.6: at most 94.34 tokens/s');
  });
});

describe('entries that cannot be compared', () => {
  test('are listed with the key fields they lack, and not compared with each other', async () => {
    const old = entry(PUBLISHED, {});
    delete old.config_type;
    delete old.workload.input_length;
    const added = entry(NEW, { ttft_ms: 500 });
    delete added.config_type;
    delete added.workload.input_length;
    const report = await checkChange({ [FILE]: json([old]) }, { [FILE]: json([old, added]) });
    expect(byRule(report, 'metric-regression')).toHaveLength(0);
    expect(report.comparisons).toHaveLength(0);
    expect(report.uncompared).toEqual([{ entryId: NEW, file: FILE, missing: ['config_type', 'workload.input_length'] }]);
    expect(renderText(report)).toContain(`1 new or changed entry could not be compared: it lacks configuration fields that make results comparable.\n  ${NEW} (${FILE}): missing config_type, workload.input_length\n`);
  });

  test('a configured key without the missing field compares them', async () => {
    const old = entry(PUBLISHED, { ttft_ms: 100 });
    delete old.config_type;
    const added = entry(NEW, { ttft_ms: 130 });
    delete added.config_type;
    const config = ['comparison:', '  key: [hardware.chip_model, model.name, workload.input_length, workload.output_length]'].join('\n');
    const report = await checkChange({ [FILE]: json([old]), '.github/leaderboard-check.yml': config }, { [FILE]: json([old, added]) });
    expect(report.uncompared).toEqual([]);
    expect(byRule(report, 'metric-regression').map((finding) => finding.severity)).toEqual(['error']);
  });
});
