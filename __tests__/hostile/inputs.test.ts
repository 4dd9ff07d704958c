import { checkRepository } from '../../src/core/check';
import { renderText } from '../../src/report/text';
import { byRule, checkChange, example, json, lineOf, TempRepo } from '../helpers/repo';

const published = example('single_gpu');
const base = { 'data/board.json': json([published]) };

/** Commits base, writes head bytes to one path, and checks the change. */
async function checkBytes(path: string, bytes: Uint8Array) {
  const repo = new TempRepo();
  try {
    const baseCommit = repo.commit(base);
    repo.writeBytes(path, bytes);
    const headCommit = repo.commit({});
    return await checkRepository({ repo: repo.dir, base: baseCommit, head: headCommit, locale: 'en', schema: 'builtin', now: new Date('2026-06-01T00:00:00Z') });
  } finally {
    repo.cleanup();
  }
}

describe('encoding', () => {
  test('lone CR line ends keep git line numbers', async () => {
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    const text = json([published, broken]).replace(/\n/g, '\r');
    const report = await checkBytes('data/board.json', Buffer.from(text));
    const schema = byRule(report, 'schema');
    expect(schema).toHaveLength(1);
    // Git sees a file without LF as one line.
    expect(schema[0].line).toBe(1);
    expect(schema[0].column).toBe(text.indexOf('"ttft_ms": 0') + '"ttft_ms": '.length + 1);
  });

  test('NUL bytes make a binary file, reported and not parsed', async () => {
    const report = await checkBytes('data/board.json', Buffer.concat([Buffer.from('[\n  {\n    "entry_id": "a'), Buffer.from([0]), Buffer.from('"}]')]));
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.severity, finding.line, finding.column])).toEqual([['file-encoding', 'binary', 'error', 3, 19]]);
  });

  test('an empty file is a syntax error at 1:1', async () => {
    const report = await checkBytes('data/new.json', Buffer.alloc(0));
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.line, finding.column])).toEqual([['json-syntax', 'unexpected-end', 1, 1]]);
  });
});

describe('numbers', () => {
  const cases: Array<[string, string, string]> = [
    ['NaN', '"ttft_ms": NaN', 'non-json-literal'],
    ['Infinity', '"ttft_ms": Infinity', 'non-json-literal'],
    ['overflow', '"ttft_ms": 1e400', 'number-overflow'],
  ];

  test.each(cases)('%s is a json-syntax finding at its line', async (_name, to, messageId) => {
    const fresh = example('multi_gpu');
    const text = json([published, fresh]).replace(`"ttft_ms": ${fresh.metrics.ttft_ms}`, to);
    expect(text).toContain(to);
    const report = await checkChange(base, { 'data/board.json': text });
    const findings = byRule(report, 'json-syntax');
    expect(findings.map((finding) => finding.messageId)).toEqual([messageId]);
    expect(findings[0].line).toBe(lineOf(text, to));
  });

  test('-0 fails a positive bound', async () => {
    const fresh = example('multi_gpu');
    const text = json([published, fresh]).replace(`"ttft_ms": ${fresh.metrics.ttft_ms}`, '"ttft_ms": -0');
    const report = await checkChange(base, { 'data/board.json': text });
    const findings = byRule(report, 'schema');
    expect(findings.map((finding) => [finding.messageId, finding.line])).toEqual([['limit', lineOf(text, '"ttft_ms": -0')]]);
  });

  test('a number written as a string gets the unquote hint', async () => {
    const fresh = example('multi_gpu');
    fresh.metrics.throughput_tps = '205.1';
    const report = await checkChange(base, { 'data/board.json': json([published, fresh]) });
    const findings = byRule(report, 'schema');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Write the number without quotes.');
  });

  test('integers beyond 2^53 that round alike are reported, not matched silently', async () => {
    const first = example('multi_gpu');
    const second = example('multi_gpu');
    second.entry_id = '99999999-8888-4777-8666-555555555555';
    const text = json([published, first, second])
      .replace('"kv_used_bytes": 2147483648', '"kv_used_bytes": 18014398509481985')
      .replace('"kv_used_bytes": 2147483648', '"kv_used_bytes": 18014398509481984');
    const report = await checkChange(base, { 'data/board.json': text });
    expect(byRule(report, 'json-syntax').map((finding) => finding.messageId)).toEqual(['unsafe-integer', 'unsafe-integer']);
    expect(byRule(report, 'duplicate-result')).toEqual([]);
  });
});

describe('structure', () => {
  test('200,000 levels of nesting end in one finding', async () => {
    const depth = 200_000;
    const report = await checkBytes('data/deep.json', Buffer.from('['.repeat(depth) + ']'.repeat(depth)));
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId, finding.line, finding.column])).toEqual([['file-shape', 'too-deep', 1, 65]]);
  });

  test('too deep nesting is reported where it starts', async () => {
    const text = `[\n  {"notes": ${'['.repeat(70)}${']'.repeat(70)}}\n]\n`;
    const report = await checkBytes('data/deep.json', Buffer.from(text));
    expect(report.findings.map((finding) => [finding.messageId, finding.line, finding.column])).toEqual([['too-deep', 2, 12 + 63]]);
  });

  test('an overflowing number is quoted as Infinity, not null', async () => {
    const fresh = example('multi_gpu');
    const text = json([published, fresh]).replace(`"ttft_ms": ${fresh.metrics.ttft_ms}`, '"ttft_ms": 1e400');
    const report = await checkChange(base, { 'data/board.json': text });
    const messages = report.findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('Infinity');
    expect(messages).not.toContain('is null');
  });

  test('unclosed deep nesting is a syntax error, not a crash', async () => {
    const report = await checkBytes('data/deep.json', Buffer.from('['.repeat(200_000)));
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId])).toEqual([['json-syntax', 'unexpected-end']]);
  });

  test('prototype keys pollute nothing', async () => {
    const text = json([published]).replace('"entry_id"', '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1, "entry_id"');
    const report = await checkChange(base, { 'data/board.json': text, 'data/other.json': '{"__proto__": {"polluted": true}}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const extra = byRule(report, 'schema').filter((finding) => finding.messageId === 'additional').map((finding) => finding.data.field);
    expect(extra.sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    // An object whose only key is `__proto__` has no entry field, so it is not read as an entry.
    expect(byRule(report, 'file-shape').map((finding) => [finding.file, finding.messageId])).toEqual([['data/other.json', 'no-entries']]);
  });

  test('keys that differ only by Unicode normalisation are duplicates', async () => {
    const fresh = example('multi_gpu');
    const text = json([published, fresh]).replace('"notes"', '"caf\u00e9": 1, "cafe\u0301": 2, "notes"');
    const report = await checkChange(base, { 'data/board.json': text });
    const duplicates = byRule(report, 'duplicate-key');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].messageId).toBe('normalization');
  });

  test('a huge string and a long array are read', async () => {
    const fresh = example('multi_gpu');
    fresh.metadata.notes = 'x'.repeat(5_000_000);
    const entries = [published, fresh, ...Array.from({ length: 2000 }, (_, index) => ({ ...example('multi_node'), entry_id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` }))];
    const report = await checkChange(base, { 'data/board.json': json(entries) });
    expect(report.summary.entries.added).toBe(2001);
    expect(byRule(report, 'duplicate-result')).toHaveLength(1999);
  });
});

describe('dates', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['no time zone', '2026-01-28T10:30:00', 'no-time-zone'],
    ['offset without colon', '2026-01-28T10:30:00+0800', 'bad-offset'],
    ['leap second', '2016-12-31T23:59:60Z', undefined],
    ['far past', '1970-01-01T00:00:00Z', 'too-old'],
    ['far future', '2999-01-01T00:00:00Z', 'future'],
    ['not a date', 'yesterday', 'not-rfc3339'],
    ['impossible day', '2026-02-30T10:00:00Z', 'out-of-range'],
    ['valid with offset', '2026-01-28T18:30:00+08:00', undefined],
  ];

  test.each(cases)('%s', async (_name, value, messageId) => {
    const fresh = example('multi_gpu');
    fresh.metadata.submitted_at = value;
    const text = json([published, fresh]);
    const report = await checkChange(base, { 'data/board.json': text }, { schema: 'builtin' });
    const findings = byRule(report, 'submitted-at-future');
    if (messageId === undefined) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings.map((finding) => finding.messageId)).toEqual([messageId]);
    expect(findings[0].line).toBe(lineOf(text, `"submitted_at": ${JSON.stringify(value)}`));
  });
});

describe('output safety', () => {
  test('control characters from the data cannot break terminal lines', async () => {
    const fresh = example('multi_gpu');
    fresh.model.precision = 'BF16\n::error file=x::injected\u001b[2J';
    const report = await checkChange(base, { 'data/board.json': json([published, fresh]) });
    const text = renderText(report);
    expect(text).not.toContain('\u001b[2J');
    expect(text.split('\n').some((line) => line.startsWith('::error'))).toBe(false);
  });
});

describe('limits', () => {
  test('a file whose check runs out of time is reported, not passed', async () => {
    const entries = [published, ...Array.from({ length: 5 }, (_, index) => ({ ...example('multi_gpu'), entry_id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` }))];
    const config = 'limits:\n  max-seconds-per-file: 0\n';
    const report = await checkChange({ ...base, '.github/leaderboard-check.yml': config }, { 'data/board.json': json(entries) });
    const findings = byRule(report, 'file-too-large');
    expect(findings.map((finding) => [finding.messageId, finding.severity, finding.data.checked, finding.data.total])).toEqual([['time-limit', 'error', 1, 4]]);
  });

  test('a 60 MB file ends in one finding under the default size limit', async () => {
    const filler = 'x'.repeat(60 * 1024 * 1024);
    const report = await checkBytes('data/huge.json', Buffer.from(`[{"notes": "${filler}"}]`));
    expect(report.findings.map((finding) => [finding.ruleId, finding.messageId])).toEqual([['file-too-large', 'too-large']]);
  });
});
