/**
 * The real sageLLM website data, cloned from the bundle at test time. Commit
 * bb8e9a6 replaces the mock entries of 5a637b3 with 108 entries of an older
 * shape: no config_type, and prompt_tokens/output_tokens instead of
 * workload.input_length/output_length. Without those key fields the entries
 * must be listed as not comparable, not compared with each other.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check';
import type { Report } from '../../src/core/types';
import { renderText } from '../../src/report/text';
import { byRule } from '../helpers/repo';
import { CORPUS_BUNDLE, describeWithCorpus } from '../helpers/corpus';

const FILES = ['data/leaderboard_single.json', 'data/leaderboard_multi.json', 'data/examples/*.json', 'data/results/**/*.json'];


describeWithCorpus('the commit that adds entries of the older shape', () => {
  let repo: string;
  let report: Report;

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'lbc-regression-corpus-'));
    execFileSync('git', ['clone', '--quiet', '-b', 'main', CORPUS_BUNDLE, repo]);
    report = await checkRepository({ repo, base: '5a637b3', head: 'bb8e9a6', files: FILES, locale: 'en', now: new Date('2026-12-01T00:00:00Z') });
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('compares nothing and reports no regression or outlier', () => {
    expect(report.comparisons).toEqual([]);
    expect(byRule(report, 'metric-regression')).toEqual([]);
    expect(byRule(report, 'metric-outlier')).toEqual([]);
  });

  test('lists all 108 added entries as not comparable, with the key fields they lack', () => {
    expect(report.summary.entries.added).toBe(108);
    expect(report.uncompared).toHaveLength(108);
    for (const item of report.uncompared) expect(item.missing).toEqual(['config_type', 'workload.input_length', 'workload.output_length']);
    expect(report.uncompared.filter((item) => item.file === 'data/leaderboard_multi.json')).toHaveLength(28);
    expect(report.uncompared[0]).toEqual({ entryId: 'multinode_0_3_2_huawei_2n8c_llama370b_long_input_bf16', file: 'data/leaderboard_multi.json', missing: ['config_type', 'workload.input_length', 'workload.output_length'] });
  });

  test('says so in the terminal report', () => {
    const text = renderText(report);
    expect(text).toContain('108 new or changed entries could not be compared: they lack configuration fields that make results comparable.');
    expect(text).toContain('  multinode_0_3_2_huawei_2n8c_llama370b_long_input_bf16 (data/leaderboard_multi.json): missing config_type, workload.input_length, workload.output_length');
    expect(text).toContain('  … and 98 more');
    expect(text).not.toContain('Compared with published results');
  });

  test('finds the synthetic data consistent: its throughput stays within the tpot bound', () => {
    // No entry of this commit gives concurrency, and tbt_ms equals tpot_ms in each.
    expect(byRule(report, 'metric-consistency')).toEqual([]);
  });
});
