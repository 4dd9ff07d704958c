import { parseConfig } from '../../src/config/load';
import { ConfigError } from '../../src/core/errors';

const YAML_PATH = '.github/leaderboard-check.yml';
const JSON_PATH = '.github/leaderboard-check.json';
const JSONC_PATH = '.github/leaderboard-check.jsonc';

function errorOf(text: string, source: string): ConfigError {
  try {
    parseConfig(text, source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig accepted formats', () => {
  const yaml = [
    'files:',
    '  - "results/**/*.json"',
    'exclude: ["results/drafts/**"]',
    'schema: builtin',
    'rules:',
    '  reproducible-cmd: off',
    '  entries-removed:',
    '    severity: error',
    '    max-share: 0.25',
    'overrides:',
    '  - files: ["results/legacy/**"]',
    '    rules:',
    '      schema: warning',
    'suppressions:',
    '  - rule: memory-consistency',
    '    entry: 11111111-1111-4111-8111-111111111111',
    '    reason: vendor reports memory in GiB',
    '    expires: 2026-06-30',
    'comparison:',
    '  key: [config_type, hardware.chip_model]',
    '  acknowledge-label: perf-regression-ok',
    'limits:',
    '  max-findings-per-file: 500',
    '  max-depth: 32',
    '  max-seconds-per-file: 30',
    '',
  ].join('\n');

  const expected = {
    files: ['results/**/*.json'],
    exclude: ['results/drafts/**'],
    schema: 'builtin',
    rules: [
      ['reproducible-cmd', { severity: 'off', options: {} }],
      ['entries-removed', { severity: 'error', options: { 'max-share': 0.25 } }],
    ],
    overrideFiles: ['results/legacy/**'],
    overrideRules: [['schema', { severity: 'warning', options: {} }]],
    suppressions: [{ rule: 'memory-consistency', entry: '11111111-1111-4111-8111-111111111111', reason: 'vendor reports memory in GiB', expires: '2026-06-30' }],
    comparison: { key: ['config_type', 'hardware.chip_model'], acknowledgeLabel: 'perf-regression-ok', acknowledgements: [] },
    limits: { maxFindingsPerFile: 500, maxDepth: 32, maxSecondsPerFile: 30 },
  };

  const json = JSON.stringify({
    files: ['results/**/*.json'],
    exclude: ['results/drafts/**'],
    schema: 'builtin',
    rules: { 'reproducible-cmd': 'off', 'entries-removed': { severity: 'error', 'max-share': 0.25 } },
    overrides: [{ files: ['results/legacy/**'], rules: { schema: 'warning' } }],
    suppressions: [{ rule: 'memory-consistency', entry: '11111111-1111-4111-8111-111111111111', reason: 'vendor reports memory in GiB', expires: '2026-06-30' }],
    comparison: { key: ['config_type', 'hardware.chip_model'], 'acknowledge-label': 'perf-regression-ok' },
    limits: { 'max-findings-per-file': 500, 'max-depth': 32, 'max-seconds-per-file': 30 },
  }, null, 2);

  const jsonc = `// Checker settings, read at the base commit.\n${json.replace('"schema": "builtin",', '"schema": "builtin", /* the data model v1 */').replace(/\n}$/, ',\n}')}`;

  test.each([
    ['YAML', yaml, YAML_PATH],
    ['JSON', json, JSON_PATH],
    ['JSONC with comments and a trailing comma', jsonc, JSONC_PATH],
  ])('reads %s', (_name, text, source) => {
    const config = parseConfig(text, source);

    expect(config.source).toBe(source);
    expect(config.files).toEqual(expected.files);
    expect(config.exclude).toEqual(expected.exclude);
    expect(config.schema).toBe(expected.schema);
    expect([...config.rules]).toEqual(expected.rules);
    expect(config.overrides).toHaveLength(1);
    expect(config.overrides[0].files).toEqual(expected.overrideFiles);
    expect([...config.overrides[0].rules]).toEqual(expected.overrideRules);
    expect(config.suppressions).toEqual(expected.suppressions);
    expect(config.comparison).toEqual(expected.comparison);
    expect(config.limits).toEqual(expected.limits);
  });

  test('empty YAML gives the defaults', () => {
    const config = parseConfig('# nothing configured yet\n', YAML_PATH);

    expect(config.files).toEqual(['data/**/*.json']);
    expect(config.exclude).toEqual(['**/schemas/**']);
    expect(config.rules.size).toBe(0);
    expect(config.suppressions).toEqual([]);
    expect(config.limits).toEqual({ maxFindingsPerFile: 10_000, maxDepth: 64, maxSecondsPerFile: 120 });
  });

  test('a leading byte-order mark is ignored', () => {
    const config = parseConfig('\uFEFFrules:\n  schema: warning\n', YAML_PATH);

    expect(config.rules.get('schema')?.severity).toBe('warning');
  });
});

describe('parseConfig errors', () => {
  // Each case: configuration text, where the one error must be, and a part of its message.
  test.each([
    ['unknown rule id', YAML_PATH, 'rules:\n  json-syntax: error\n  no-such-rule: warning\n', '3:3', 'unknown rule "no-such-rule"'],
    ['near-miss rule id', YAML_PATH, 'rules:\n  reproducible-cmds: off\n', '2:3', 'did you mean "reproducible-cmd"?'],
    ['unknown rule in an override', YAML_PATH, 'overrides:\n  - files: ["a/**"]\n    rules:\n      bogus: off\n', '4:7', 'unknown rule "bogus"'],
    ['unknown option', YAML_PATH, 'rules:\n  entries-removed:\n    severity: error\n    max-shar: 0.3\n', '4:5', 'has no option "max-shar": did you mean "max-share"?'],
    ['option on a rule without options', YAML_PATH, 'rules:\n  schema:\n    strict: true\n', '3:5', 'it has no options'],
    ['option of the wrong type', YAML_PATH, 'rules:\n  entries-removed:\n    max-share: "half"\n', '3:16', 'must be a number, found "half"'],
    ['wrong severity', YAML_PATH, 'rules:\n  schema: fatal\n', '2:11', 'rules.schema: must be one of "error", "warning", "notice", "off"'],
    ['wrong severity in an object', YAML_PATH, 'rules:\n  schema:\n    severity: fatal\n', '3:15', 'rules.schema.severity: must be one of'],
    ['suppression without reason', YAML_PATH, 'suppressions:\n  - rule: schema\n    entry: abc\n', '2:5', 'missing required setting "reason"'],
    ['suppression with a too short reason', YAML_PATH, 'suppressions:\n  - rule: schema\n    entry: abc\n    reason: ok\n', '4:13', 'suppressions.0.reason'],
    ['expiry that is not a day', YAML_PATH, 'suppressions:\n  - rule: schema\n    entry: abc\n    reason: known gap\n    expires: 2026-13-45\n', '5:14', 'expires "2026-13-45" is not a date'],
    ['expiry in another format', YAML_PATH, 'suppressions:\n  - rule: schema\n    entry: abc\n    reason: known gap\n    expires: 30.06.2026\n', '5:14', 'suppressions.0.expires'],
    ['suppression of a file-level rule', YAML_PATH, 'suppressions:\n  - rule: json-syntax\n    entry: abc\n    reason: known gap\n', '2:11', 'reports whole files, not entries'],
    ['share above 1', YAML_PATH, 'rules:\n  entries-removed:\n    max-share: 5\n', '3:16', 'option "max-share" of rule "entries-removed" is 5, but it must be <= 1'],
    ['negative tolerance', YAML_PATH, 'rules:\n  memory-consistency:\n    tolerance: -1\n', '3:16', 'must be >= 0'],
    ['earliest that is not a date', YAML_PATH, 'rules:\n  submitted-at-future:\n    earliest: yesterday\n', '3:15', 'must match pattern'],
    ['unknown direction', YAML_PATH, 'rules:\n  metric-regression:\n    directions:\n      kv_used_bytes: sideways\n', '4:7', 'kv_used_bytes must be equal to one of the allowed values'],
    ['a limit that is not finite', YAML_PATH, 'limits:\n  max-findings-per-file: 1e400\n', '2:26', 'limits.max-findings-per-file'],
    ['unknown top-level setting', YAML_PATH, 'rules: {}\nfile:\n  - a\n', '2:1', 'unknown setting "file"'],
    ['misaligned YAML mapping', YAML_PATH, 'rules:\n  schema: error\n bad: [1, 2\n', '3:1', 'invalid YAML: All mapping items must start at the same column'],
    ['tab-indented YAML', YAML_PATH, 'rules:\n\tschema: error\n', '2:1', 'invalid YAML: Tabs are not allowed'],
    ['duplicate YAML key', YAML_PATH, 'rules:\n  schema: error\n  schema: off\n', '3:3', 'invalid YAML'],
    ['unknown rule in JSON', JSON_PATH, '{\n  "rules": {\n    "nope": "off"\n  }\n}\n', '3:5', 'unknown rule "nope"'],
    ['wrong severity in JSONC', JSONC_PATH, '{\n  // strict\n  "rules": { "schema": "fatal" }\n}\n', '3:24', 'rules.schema: must be one of'],
    ['invalid JSON', JSON_PATH, '{\n  "rules": {\n    "schema": "off"\n  \n', '5:1', 'invalid JSON'],
  ])('%s', (_name, source, text, at, part) => {
    const error = errorOf(text, source);

    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message.startsWith(`${source}:${at}`)).toBe(true);
    expect(error.message).toContain(part);
  });
});

describe('parseConfig and prototype pollution', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  test.each([
    ['YAML top level', YAML_PATH, '__proto__:\n  polluted: yes\n'],
    ['YAML rules', YAML_PATH, 'rules:\n  __proto__:\n    polluted: 1\n'],
    ['YAML rule options', YAML_PATH, 'rules:\n  entries-removed:\n    __proto__:\n      polluted: 1\n'],
    ['YAML suppression', YAML_PATH, 'suppressions:\n  - rule: schema\n    entry: abc\n    reason: known gap\n    __proto__:\n      polluted: 1\n'],
    ['JSON top level', JSON_PATH, '{"__proto__": {"polluted": true}}'],
    ['JSON rules', JSON_PATH, '{"rules": {"__proto__": {"polluted": true}}}'],
    ['JSON constructor', JSON_PATH, '{"constructor": {"prototype": {"polluted": true}}}'],
    ['JSONC override', JSONC_PATH, '{"overrides": [{"files": ["a"], "rules": {"__proto__": {"polluted": true}}}]}'],
  ])('%s is rejected and pollutes nothing', (_name, source, text) => {
    const error = errorOf(text, source);

    expect(error.message).toMatch(/unknown (setting|rule|option)|has no option/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('parseConfig editor support', () => {
  test('accepts a $schema member for editors', () => {
    const config = parseConfig('{\n  "$schema": "../schemas/leaderboard-check.schema.json",\n  "rules": { "schema": "warning" }\n}\n', JSON_PATH);

    expect(config.rules.get('schema')?.severity).toBe('warning');
  });
});

describe('metric-regression thresholds order', () => {
  test('a warning threshold above the error one is rejected', () => {
    const { thresholdsFor } = require('../../src/rules/metric-regression');
    expect(() => thresholdsFor('ttft_ms', { warning: 0.2, error: 0.1 })).toThrow(/must not exceed the error threshold/);
    expect(thresholdsFor('ttft_ms', { warning: 0.05, error: 0.1 })).toEqual({ warning: 0.05, error: 0.1, improvement: 0.5 });
  });
});
