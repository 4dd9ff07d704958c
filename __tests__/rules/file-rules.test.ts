import { byRule, checkChange, example, json, lineOf, TempRepo } from '../helpers/repo';
import { checkRepository } from '../../src/core/check';

const entry = example('single_gpu');
const base = { 'data/board.json': json([entry]) };

describe('json-syntax', () => {
  test('trailing comma at its line and column', async () => {
    const text = json([entry]).replace('"verified": true', '"verified": true,');
    const report = await checkChange(base, { 'data/board.json': text });
    const findings = byRule(report, 'json-syntax');
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(lineOf(text, '"verified": true,'));
    expect(findings[0].column).toBe(text.split('\n')[findings[0].line - 1].indexOf(',') + 1);
    expect(findings[0].messageId).toBe('trailing-comma');
    expect(report.findings).toHaveLength(1);
  });

  test('clean file has none', async () => {
    const report = await checkChange(base, { 'data/board.json': json([entry, { ...example('multi_gpu') }]) });
    expect(byRule(report, 'json-syntax')).toEqual([]);
  });

  test('integer beyond 2^53 in a new entry', async () => {
    const text = json([entry]).replace('"kv_used_bytes": 134217728', '"kv_used_bytes": 90071992547409930');
    const report = await checkChange(base, { 'data/board.json': text });
    const findings = byRule(report, 'json-syntax');
    expect(findings).toHaveLength(1);
    expect(findings[0].messageId).toBe('unsafe-integer');
    expect(findings[0].line).toBe(lineOf(text, '90071992547409930'));
  });
});

describe('duplicate-key', () => {
  test('points at the second key and names the first line', async () => {
    const fresh = { ...example('multi_gpu') };
    const text = json([entry, fresh]).replace('"ttft_ms": 412.5,', '"ttft_ms": 412.5,\n      "ttft_ms": 41.25,');
    const report = await checkChange(base, { 'data/board.json': text });
    const findings = byRule(report, 'duplicate-key');
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(lineOf(text, '"ttft_ms": 41.25'));
    expect(findings[0].column).toBe(7);
    expect(findings[0].data.firstLine).toBe(lineOf(text, '"ttft_ms": 412.5'));
  });

  test('no duplicate, no finding', async () => {
    const report = await checkChange(base, { 'data/board.json': json([entry, example('multi_gpu')]) });
    expect(byRule(report, 'duplicate-key')).toEqual([]);
  });
});

describe('file-shape', () => {
  test('a scalar file', async () => {
    const report = await checkChange(base, { 'data/other.json': '42\n' });
    const findings = byRule(report, 'file-shape');
    expect(findings.map((finding) => [finding.file, finding.messageId, finding.line])).toEqual([['data/other.json', 'not-entries', 1]]);
  });

  test('an array element that is not an object', async () => {
    const text = '[\n  "oops",\n  {"entry_id": "x"}\n]\n';
    const report = await checkChange(base, { 'data/other.json': text });
    const findings = byRule(report, 'file-shape');
    expect(findings).toHaveLength(1);
    expect(findings[0].messageId).toBe('element-not-object');
    expect(findings[0].line).toBe(2);
  });

  test('a metadata file is a notice, not entries', async () => {
    const report = await checkChange(base, { 'data/last_updated.json': '{"last_updated": "2026-03-18T00:00:00Z"}\n' });
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.severity, finding.line])).toEqual([['file-shape', 'no-entries', 'notice', 1]]);
    expect(report.summary.entries.added).toBe(0);
  });

  test('an entry missing most fields is still an entry', async () => {
    const report = await checkChange(base, { 'data/partial.json': '[{"metrics": {"ttft_ms": 1}}]\n' });
    expect(byRule(report, 'file-shape')).toEqual([]);
    expect(byRule(report, 'schema').length).toBeGreaterThan(0);
  });

  test('one entry object per file is fine', async () => {
    const report = await checkChange(base, { 'data/examples/one.json': json(example('multi_gpu')) });
    expect(byRule(report, 'file-shape')).toEqual([]);
    expect(report.summary.entries.added).toBe(1);
  });
});

describe('file-encoding', () => {
  test('BOM is a warning and positions stay right', async () => {
    const fresh = example('multi_gpu');
    fresh.metrics.ttft_ms = 0;
    const text = json([entry, fresh]);
    const repo = new TempRepo();
    try {
      const baseCommit = repo.commit(base);
      repo.writeBytes('data/board.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]));
      const headCommit = repo.commit({});
      const report = await checkRepository({ repo: repo.dir, base: baseCommit, head: headCommit, locale: 'en', schema: 'builtin', now: new Date('2026-06-01T00:00:00Z') });
      const encoding = byRule(report, 'file-encoding');
      expect(encoding.map((finding) => [finding.messageId, finding.severity, finding.line, finding.column])).toEqual([['bom', 'warning', 1, 1]]);
      const schema = byRule(report, 'schema');
      expect(schema).toHaveLength(1);
      expect(schema[0].line).toBe(lineOf(text, '"ttft_ms": 0'));
      expect(schema[0].column).toBe(7 + '"ttft_ms": '.length);
    } finally {
      repo.cleanup();
    }
  });

  test('bytes that are not UTF-8 are an error at their line', async () => {
    const text = json([entry, example('multi_gpu')]);
    const marker = 'Example multi-GPU entry';
    const at = Buffer.from(text).indexOf(marker);
    const bytes = Buffer.concat([Buffer.from(text).subarray(0, at), Buffer.from([0xe9]), Buffer.from(text).subarray(at)]);
    const repo = new TempRepo();
    try {
      const baseCommit = repo.commit(base);
      repo.writeBytes('data/board.json', bytes);
      const headCommit = repo.commit({});
      const report = await checkRepository({ repo: repo.dir, base: baseCommit, head: headCommit, locale: 'en', schema: 'builtin' });
      const findings = byRule(report, 'file-encoding');
      expect(findings).toHaveLength(1);
      expect(findings[0].severity).toBe('error');
      expect(findings[0].line).toBe(lineOf(text, marker));
    } finally {
      repo.cleanup();
    }
  });

  test('plain UTF-8 has no finding', async () => {
    const report = await checkChange(base, { 'data/board.json': json([entry, example('multi_gpu')]).replace('Example', '示例') });
    expect(byRule(report, 'file-encoding')).toEqual([]);
  });
});

describe('file-too-large', () => {
  test('a file over the configured limit is reported and not parsed', async () => {
    const config = 'rules:\n  file-too-large:\n    max-bytes: 1000\n';
    const report = await checkChange({ ...base, '.github/leaderboard-check.yml': config }, { 'data/big.json': json([example('multi_gpu')]) });
    const findings = byRule(report, 'file-too-large');
    expect(findings).toHaveLength(1);
    expect(findings[0].file).toBe('data/big.json');
    expect(findings[0].line).toBe(1);
    expect(byRule(report, 'schema')).toEqual([]);
  });

  test('a file under the default limit is read', async () => {
    const report = await checkChange(base, { 'data/big.json': json([example('multi_gpu')]) });
    expect(byRule(report, 'file-too-large')).toEqual([]);
    expect(report.summary.entries.added).toBe(1);
  });
});
