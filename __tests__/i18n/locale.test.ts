/**
 * Runs the CLI in both locales on one change that trips every rule, and
 * checks that each rule's messages are rendered, translated and complete.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { LOCALES, type Locale, type Report } from '../../src/core/types';
import { RULES } from '../../src/rules';
import { createRepo, json, validEntry, type TempRepo } from '../config/repo';

const CJK = /[\u4e00-\u9fff]/;

/** Builds a valid UUID v4 from a number, so ids stay readable in failures. */
function id(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Builds a valid entry whose input length, and so its configuration, is its own. */
function entry(n: number, change: (value: Record<string, any>) => void = () => undefined): Record<string, any> {
  return validEntry(id(n), (value) => {
    value.workload.input_length = 100 + n;
    change(value);
  });
}

/** Builds a published result of the shared configuration that the comparison rules judge new results against. */
function peer(n: number, ttft: number): Record<string, any> {
  return entry(n, (value) => {
    value.workload.input_length = 4096;
    value.metrics.ttft_ms = ttft;
    value.metrics.throughput_tps = 80 + n / 10;
  });
}

const PEER_TTFT = [44.9, 45.2, 45.6, 46.0, 44.7, 45.3];

function buildRepository(repo: TempRepo): { base: string; head: string } {
  repo.write('.github/leaderboard-check.yml', 'rules:\n  file-too-large:\n    max-bytes: 200000\n');
  repo.write('data/published.json', json([...PEER_TTFT.map((ttft, index) => peer(10 + index, ttft)), entry(20)]));
  repo.write('data/removed.json', json([entry(30), entry(31)]));
  const base = repo.commit('base');

  // schema-changed: the configuration changes at head.
  repo.write('.github/leaderboard-check.yml', '# Raised for the bulk import.\nrules:\n  file-too-large:\n    max-bytes: 200000\n');
  // entry-modified: a published entry changes its metrics.
  repo.write('data/published.json', json([...PEER_TTFT.map((ttft, index) => peer(10 + index, ttft)), entry(20, (value) => (value.metrics.ttft_ms = 39.9))]));
  // entries-removed: a file with published entries is deleted.
  rmSync(join(repo.dir, 'data/removed.json'));
  repo.write('data/syntax.json', '[\n  { "entry_id": "x", },\n]\n');
  repo.write('data/shape.json', '42\n');
  repo.write('data/bom.json', `\uFEFF${json([entry(40)])}`);
  repo.write('data/big.json', `[${' '.repeat(200_001)}]\n`);
  repo.write('data/duplicate-key.json', json(entry(41)).replace('"config_type": "single_gpu",', '"config_type": "single_gpu",\n  "config_type": "single_gpu",'));

  const published = peer(10, PEER_TTFT[0]);
  repo.write('data/new.json', json([
    entry(50, (value) => (value.model.precision = 'bf16')),
    entry(51, (value) => (value.hardware.chip_count = 2)),
    entry(52, (value) => {
      value.config_type = 'multi_node';
      value.hardware.chip_count = 8;
      value.hardware.total_memory_gb = 640;
      value.cluster = { node_count: 1, comm_backend: 'nccl', topology_type: 'ring' };
    }),
    entry(53, (value) => {
      value.config_type = 'multi_node';
      value.hardware.chip_count = 16;
      value.hardware.chips_per_node = 4;
      value.hardware.total_memory_gb = 1280;
      value.versions.comm = '0.1.1.7';
      value.cluster = { node_count: 2, comm_backend: 'nccl', topology_type: 'ring', parallelism: { tensor_parallel: 4, pipeline_parallel: 2, data_parallel: 1 } };
    }),
    entry(54, (value) => (value.environment.cuda_version = null)),
    entry(55, (value) => (value.hardware.total_memory_gb = 160)),
    entry(56, (value) => delete value.metadata.reproducible_cmd),
    entry(57, (value) => (value.metadata.submitted_at = '2099-01-01T00:00:00Z')),
    entry(58, (value) => (value.entry_id = id(11))),
    { ...published, entry_id: id(59) },
    peer(60, 58.8),
    peer(61, 0.0452),
    entry(62, (value) => (value.metrics.throughput_tps = 2480)),
  ]));
  const head = repo.commit('head');
  return { base, head };
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {});
  return { code, stdout, stderr };
}

describe('rule messages in every locale', () => {
  let repo: TempRepo;
  const reports = new Map<Locale, Report>();

  beforeAll(async () => {
    repo = createRepo();
    const { base, head } = buildRepository(repo);
    for (const locale of LOCALES) {
      const result = await run(['--base', base, '--head', head, '-C', repo.dir, '--format', 'json', '--fail-on', 'never', '--locale', locale]);
      if (result.code !== 0) throw new Error(`check failed in ${locale}: ${result.stderr}`);
      reports.set(locale, JSON.parse(result.stdout) as Report);
    }
  });

  afterAll(() => repo?.remove());

  test('both locales report the same findings', () => {
    const keys = LOCALES.map((locale) => (reports.get(locale) as Report).findings.map((finding) => `${finding.ruleId} ${finding.messageId} ${finding.file}:${finding.line}:${finding.column}`));

    expect(keys[0].length).toBeGreaterThan(0);
    expect(keys[1]).toEqual(keys[0]);
  });

  test.each(RULES.map((rule) => [rule.meta.id]))('%s renders in every locale', (ruleId) => {
    const english = (reports.get('en') as Report).findings.filter((finding) => finding.ruleId === ruleId);
    const chinese = (reports.get('zh-CN') as Report).findings.filter((finding) => finding.ruleId === ruleId);

    expect(english.length).toBeGreaterThan(0);
    expect(chinese).toHaveLength(english.length);
    for (const [index, finding] of english.entries()) {
      const translated = chinese[index];
      expect(finding.message).not.toMatch(/\{[A-Za-z]\w*\}|msg:/);
      expect(translated.message).not.toMatch(/\{[A-Za-z]\w*\}|msg:/);
      expect(finding.message).not.toMatch(CJK);
      expect(translated.message).toMatch(CJK);
      expect(translated.message).not.toBe(finding.message);
    }
  });
});

describe('rules command', () => {
  test.each(LOCALES)('lists every rule in %s', async (locale) => {
    const result = await run(['rules', '--locale', locale]);

    expect(result.code).toBe(0);
    for (const rule of RULES) {
      const line = result.stdout.split('\n').find((text) => text.trim().startsWith(`${rule.meta.id} `));
      expect(line).toBeDefined();
      expect(line).toContain(rule.meta.defaultSeverity);
      expect(line).toContain(rule.meta.description[locale]);
    }
  });

  test('header is translated', async () => {
    const english = await run(['rules', '--locale', 'en']);
    const chinese = await run(['rules', '--locale', 'zh-CN']);

    expect(english.stdout.split('\n')[0]).toBe(`Rules (${RULES.length}):`);
    expect(chinese.stdout.split('\n')[0]).toBe(`规则（${RULES.length} 条）：`);
  });
});

describe('explain command', () => {
  test.each(RULES.map((rule) => [rule.meta.id]))('prints the %s page in both locales', async (ruleId) => {
    const english = await run(['explain', ruleId, '--locale', 'en']);
    const chinese = await run(['explain', ruleId, '--locale', 'zh-CN']);

    expect(english.code).toBe(0);
    expect(chinese.code).toBe(0);
    expect(english.stdout.split('\n')[0]).toBe(`# \`${ruleId}\``);
    expect(chinese.stdout.split('\n')[0]).toBe(`# \`${ruleId}\``);
    expect(english.stdout).toContain('## What it checks');
    expect(chinese.stdout).toContain('## 检查内容');
  });

  test('environment variable chooses the locale', async () => {
    let stdout = '';
    const code = await main(['explain', 'schema'], { stdout: (text) => (stdout += text), stderr: () => undefined }, { LEADERBOARD_CHECK_LOCALE: 'zh-CN' });

    expect(code).toBe(0);
    expect(stdout).toContain('## 检查内容');
  });

  test.each([
    ['en', 'unknown rule no-such-rule'],
    ['zh-CN', '未知规则 no-such-rule'],
  ])('unknown rule exits 2 in %s', async (locale, text) => {
    const result = await run(['explain', 'no-such-rule', '--locale', locale]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(text);
  });
});
