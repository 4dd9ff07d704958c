/**
 * The SARIF log: validated against the SARIF 2.1.0 schema (rtm.5, as
 * @microsoft/jest-sarif ships it) for a synthetic report and for the real
 * sageLLM data history, cloned from the bundle at test time.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../src/cli/main';
import type { Finding, Report } from '../../src/core/types';
import { artifactUri, FINGERPRINT_KEY, ruleDocsUri, toSarifLog, type SarifLog } from '../../src/report/sarif';
import { RULES } from '../../src/rules';
import { checkChange, example, json, lineOf } from '../helpers/repo';
import { CORPUS_BUNDLE, describeWithCorpus } from '../helpers/corpus';

const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const CORPUS_FILES = ['data/leaderboard_single.json', 'data/leaderboard_multi.json', 'data/examples/*.json', 'data/results/**/*.json'];

/**
 * Compiles the draft-04 schema with Ajv 8, which has no draft-04 mode: the
 * top-level `id` is the only draft-04 construct it uses, so it becomes `$id`.
 * The `language` pattern is invalid with the `u` flag, so patterns compile without it.
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = sarifValidator();

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'schema',
    severity: 'error',
    message: 'Missing required field `model.name` in `model`.',
    file: 'data/board.json',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 12,
    pointer: '/0/model',
    entryId: 'e1',
    messageId: 'required',
    data: {},
    ...overrides,
  };
}

function report(findings: Finding[], locale: Report['locale'] = 'en'): Report {
  return {
    reportVersion: 1,
    base: 'abc1234',
    head: 'worktree',
    locale,
    summary: { files: 1, entries: { added: 1, modified: 0, removed: 0, unchanged: 0 }, errors: 0, warnings: 0, notices: 0 },
    findings,
    files: [],
    entries: [],
    comparisons: [],
    omitted: [],
    uncompared: [],
  };
}

describe('SARIF log of a synthetic report', () => {
  test('validator rejects invalid logs', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'notice' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] })).toBe(false);
  });

  test('driver lists every registry rule', () => {
    const log = toSarifLog(report([]), { version: '1.2.3' });
    expectValid(log);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'leaderboard-check', version: '1.2.3', informationUri: 'https://github.com/intellistream/leaderboard-check' });
    expect(driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));

    const schema = driver.rules.find((rule) => rule.id === 'schema');
    expect(schema?.helpUri).toBe('https://github.com/intellistream/leaderboard-check/blob/v1/docs/rules/schema.md');
    expect(schema?.shortDescription.text).toBe(RULES.find((rule) => rule.meta.id === 'schema')?.meta.description.en);
    expect(schema?.help.text).toContain(schema?.helpUri);
    expect(schema?.defaultConfiguration.level).toBe('error');

    const levels = new Map(driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level]));
    for (const rule of RULES) {
      expect(levels.get(rule.meta.id)).toBe({ error: 'error', warning: 'warning', notice: 'note' }[rule.meta.defaultSeverity]);
    }
    expect(log.runs[0].results).toEqual([]);
  });

  test.each([
    ['error', 'error'],
    ['warning', 'warning'],
    ['notice', 'note'],
  ] as const)('a %s finding is a result of level %s', (severity, level) => {
    const log = toSarifLog(report([finding({ severity })]), { version: '1.0.0' });
    expectValid(log);
    expect(log.runs[0].results[0].level).toBe(level);
  });

  test('result rule, path and region', () => {
    const log = toSarifLog(report([finding({ ruleId: 'duplicate-entry-id', file: 'data/my board#1.json', line: 7, column: 9, endLine: 8, endColumn: 2 })]), { version: '1.0.0' });
    expectValid(log);
    const result = log.runs[0].results[0];
    expect(result.ruleId).toBe('duplicate-entry-id');
    expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('duplicate-entry-id');
    expect(result.message.text).toBe('Missing required field `model.name` in `model`.');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'data/my%20board%231.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 9, endLine: 8, endColumn: 2 },
    });
    expect(result.properties).toEqual({ entryId: 'e1' });
  });

  test('a related place becomes a related location', () => {
    const log = toSarifLog(report([finding({ ruleId: 'duplicate-entry-id', related: { file: 'data/other.json', line: 4, column: 17 } })]), { version: '1.0.0' });
    expectValid(log);
    expect(log.runs[0].results[0].relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'data/other.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 17 } } },
    ]);
  });

  test('same identity, distinct fingerprints', () => {
    const log = toSarifLog(report([finding({ message: 'first' }), finding({ message: 'second', line: 9 }), finding({ pointer: '/1/model' })]), { version: '1.0.0' });
    const prints = log.runs[0].results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints[0]).toMatch(/^[0-9a-f]{32}:1$/);
    expect(prints[1]).toBe(prints[0].replace(/:1$/, ':2'));
    expect(prints[2]).not.toBe(prints[0]);
    expect(prints[2]).toMatch(/:1$/);
  });

  test('zh-CN links Chinese docs', () => {
    const log = toSarifLog(report([finding({ message: '缺少必填字段' })], 'zh-CN'), { version: '1.0.0' });
    expectValid(log);
    expect(log.runs[0].language).toBe('zh-CN');
    const schema = log.runs[0].tool.driver.rules.find((rule) => rule.id === 'schema');
    expect(schema?.helpUri).toBe(ruleDocsUri('schema', 'zh-CN'));
    expect(schema?.helpUri).toMatch(/\/docs\/rules\/schema\.zh-CN\.md$/);
    expect(schema?.help.text).toContain('规则检查的内容');
  });

  test.each([
    ['data/a.json', 'data/a.json'],
    ['data/100%.json', 'data/100%25.json'],
    ['data/结果.json', 'data/%E7%BB%93%E6%9E%9C.json'],
  ])('path %s is the URI %s', (path, uri) => {
    expect(artifactUri(path)).toBe(uri);
  });
});

describe('SARIF fingerprints over real changes', () => {
  test('fingerprint ignores the line', async () => {
    const broken = example('multi_gpu');
    broken.metrics.ttft_ms = 0;
    const base = { 'data/board.json': json([example('single_gpu')]) };
    const compact = await checkChange(base, { 'data/board.json': json([example('single_gpu'), broken]) });
    // The same data with a blank line at the top.
    const shifted = await checkChange(base, { 'data/board.json': `\n${json([example('single_gpu'), broken])}` });

    const printOf = (checked: Report) => {
      const result = toSarifLog(checked, { version: '1.0.0' }).runs[0].results.find((item) => item.ruleId === 'schema');
      return { line: result?.locations[0].physicalLocation.region.startLine, print: result?.partialFingerprints[FINGERPRINT_KEY] };
    };
    const before = printOf(compact);
    const after = printOf(shifted);
    expect(after.line).toBe((before.line as number) + 1);
    expect(after.print).toBe(before.print);
  });
});


describeWithCorpus('SARIF log of the sageLLM data history', () => {
  const commit = 'bb8e9a6';
  let repo: string;
  let sarif: SarifLog;
  let findings: Finding[];

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, {}, false);
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'lbc-sarif-'));
    execFileSync('git', ['clone', '--quiet', '-b', 'main', CORPUS_BUNDLE, join(repo, 'data-repo')]);
    const common = ['--repo', join(repo, 'data-repo'), '--base', '5a637b3', '--head', commit];

    const output = join(repo, 'report.sarif');
    const written = await cli([...common, '--format', 'sarif', '--output', output, ...CORPUS_FILES]);
    expect(written).toEqual({ code: 1, stdout: '', stderr: '' });
    sarif = JSON.parse(readFileSync(output, 'utf8'));

    const reported = await cli([...common, '--format', 'json', ...CORPUS_FILES]);
    findings = (JSON.parse(reported.stdout) as Report).findings;
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('validates against the SARIF 2.1.0 schema', () => {
    expectValid(sarif);
    expect(sarif.version).toBe('2.1.0');
  });

  test('has one result per finding, with unique fingerprints', () => {
    const results = sarif.runs[0].results;
    expect(findings.length).toBeGreaterThan(100);
    expect(results).toHaveLength(findings.length);
    expect(results.map((result) => result.ruleId)).toEqual(findings.map((item) => item.ruleId));
    expect(new Set(results.map((result) => result.partialFingerprints[FINGERPRINT_KEY])).size).toBe(results.length);
  });

  test('region of a missing input_length', () => {
    const text = execFileSync('git', ['show', `${commit}:data/leaderboard_single.json`], { cwd: join(repo, 'data-repo'), encoding: 'utf8' });
    const index = findings.findIndex((item) => item.ruleId === 'schema' && item.data.field === 'workload.input_length' && item.file === 'data/leaderboard_single.json');
    expect(index).toBeGreaterThanOrEqual(0);

    const result = sarif.runs[0].results[index];
    expect(result.ruleId).toBe('schema');
    expect(result.level).toBe('error');
    expect(result.message.text).toBe('Missing required field `workload.input_length` in `workload`.');
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'data/leaderboard_single.json', uriBaseId: '%SRCROOT%' });
    // The region covers the member name `"workload"`, ten UTF-16 units, with an exclusive end.
    const line = lineOf(text, '"workload": {');
    expect(location.region).toEqual({ startLine: line, startColumn: 9, endLine: line, endColumn: 19 });
  });
});
