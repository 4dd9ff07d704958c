import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError } from '../../src/core/errors';
import { compileBuiltinSchema, compileSchemaText } from '../../src/schema/load';
import { validateEntry } from '../../src/rules/schema';
import type { EntryReport } from '../../src/rules/rule';
import type { Entry } from '../../src/core/model';
import { example } from '../helpers/repo';

function entryOf(value: any): Entry {
  return { file: 'x.json', index: -1, pointer: '', value, id: value.entry_id, key: 'k', fingerprint: '' };
}

function errorsOf(schemaText: string, value: unknown): EntryReport[] {
  const compiled = compileSchemaText(schemaText, 'schema.json');
  const reports: EntryReport[] = [];
  validateEntry(entryOf(value), compiled, (report) => reports.push(report));
  return reports;
}

function pythonHasJsonschema(): boolean {
  try {
    execFileSync('python3', ['-c', 'import jsonschema'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('built-in v1 schema', () => {
  test('accepts the example entries', () => {
    const compiled = compileBuiltinSchema();
    for (const name of ['single_gpu', 'multi_gpu', 'multi_node'] as const) {
      const reports: EntryReport[] = [];
      validateEntry(entryOf(example(name)), compiled, (report) => reports.push(report));
      expect(reports).toEqual([]);
    }
  });

  (pythonHasJsonschema() ? test : test.skip)('loads in Python jsonschema and accepts the examples there too', () => {
    const script = [
      'import json, sys, jsonschema',
      'schema = json.load(open(sys.argv[1]))',
      'jsonschema.Draft7Validator.check_schema(schema)',
      'validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())',
      'print(sum(len(list(validator.iter_errors(json.load(open(path))))) for path in sys.argv[2:]))',
    ].join('\n');
    const root = join(__dirname, '..', '..');
    const output = execFileSync('python3', ['-c', script, join(root, 'src/schema/leaderboard_v1.schema.json'), ...['single_gpu', 'multi_gpu', 'multi_node'].map((name) => join(root, 'examples', `${name}.json`))], { encoding: 'utf8' });
    expect(output.trim()).toBe('0');
  });
});

describe('schema error locations and messages', () => {
  const schema = JSON.stringify({
    type: 'object',
    required: ['metrics'],
    additionalProperties: false,
    properties: {
      entry_id: { type: 'string' },
      metrics: {
        type: 'object',
        required: ['ttft_ms'],
        additionalProperties: false,
        properties: { ttft_ms: { type: 'number', exclusiveMinimum: 0 }, throughput_tps: { type: 'number' } },
      },
      precision: { enum: ['FP16', 'BF16'] },
      note: { type: ['string', 'null'], minLength: 1 },
      shape: { oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^[a-z]+$' }] },
    },
  });

  test('required points at the object that lacks the key', () => {
    expect(errorsOf(schema, { metrics: {} })).toEqual([
      { pointer: '/metrics', target: 'key', messageId: 'required', data: { field: 'metrics.ttft_ms', parent: 'metrics', hint: '', suggestion: '' } },
    ]);
  });

  test('additionalProperties points at the extra key and suggests the near one', () => {
    const [report] = errorsOf(schema, { metrics: { ttft_ms: 1, throughput_tp: 3 } });
    expect(report.pointer).toBe('/metrics/throughput_tp');
    expect(report.target).toBe('key');
    expect(report.data?.suggestion).toBe('`throughput_tps`');
  });

  test('enum names the near miss', () => {
    const [report] = errorsOf(schema, { metrics: { ttft_ms: 1 }, precision: 'bf16' });
    expect(report.messageId).toBe('enum');
    expect(report.data?.suggestion).toBe('"BF16"');
  });

  test('type suggests unquoting a number written as a string', () => {
    const [report] = errorsOf(schema, { metrics: { ttft_ms: '45.8' } });
    expect(report.messageId).toBe('type');
    expect(report.data?.hint).toBe('msg:hint-unquote');
  });

  test('oneOf keeps the one branch whose type fits', () => {
    const reports = errorsOf(schema, { metrics: { ttft_ms: 1 }, shape: 'ABC' });
    expect(reports.map((report) => [report.pointer, report.messageId])).toEqual([['/shape', 'pattern']]);
  });

  test('oneOf noise collapses into one finding naming the branches', () => {
    const reports = errorsOf(schema, { metrics: { ttft_ms: 1 }, shape: 2.5 });
    expect(reports).toHaveLength(1);
    expect(reports[0].messageId).toBe('branches');
    expect(reports[0].data?.count).toBe(2);
  });
});

describe('schema loading', () => {
  test('draft 2020-12 uses its own vocabulary', () => {
    const text = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', unevaluatedProperties: false, properties: { a: {} } });
    const reports = errorsOf(text, { a: 1, b: 2 });
    expect(reports.map((report) => [report.pointer, report.messageId])).toEqual([['/b', 'additional']]);
  });

  test('draft 2019-09 loads', () => {
    const text = JSON.stringify({ $schema: 'https://json-schema.org/draft/2019-09/schema', type: 'object', dependentRequired: { a: ['b'] } });
    expect(errorsOf(text, { a: 1 }).map((report) => report.messageId)).toEqual(['required']);
  });

  test('x- annotations are accepted while typos are not', () => {
    expect(() => compileSchemaText(JSON.stringify({ type: 'object', 'x-display': 'table' }), 's.json')).not.toThrow();
    expect(() => compileSchemaText(JSON.stringify({ type: 'object', requried: ['a'] }), 's.json')).toThrow(ConfigError);
  });

  test('an invalid schema is one error at its line', () => {
    const text = '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "strnig" }\n  }\n}';
    expect(() => compileSchemaText(text, 's.json')).toThrow(/^s\.json:4:12: invalid JSON Schema: .*properties\/a\/type must be equal to one of the allowed values/);
  });

  test('a remote $ref is never fetched', () => {
    const text = JSON.stringify({ type: 'object', properties: { a: { $ref: 'https://example.com/other.json' } } });
    expect(() => compileSchemaText(text, 's.json')).toThrow(/remote references are never fetched/);
  });

  test('an unsupported draft is named', () => {
    expect(() => compileSchemaText(JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#' }), 's.json')).toThrow(/unsupported "\$schema"/);
  });

  test('a backtracking pattern runs in linear time', () => {
    const text = JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } });
    const reports = errorsOf(text, { a: `${'a'.repeat(50_000)}b` });
    expect(reports.map((report) => report.messageId)).toEqual(['pattern']);
  });

  test('a lookaround pattern is rejected with the reason', () => {
    const text = JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '(?<=x)y' } } });
    expect(() => compileSchemaText(text, 's.json')).toThrow(/linear-time engine \(RE2\)/);
  });

  test('a schema that is not JSON names its line', () => {
    expect(() => compileSchemaText('{\n  "type": "object",\n}', 's.json')).toThrow(/^s\.json:2:19: the schema is not valid JSON/);
  });
});

describe('recursive schemas', () => {
  test('a $ref to itself is a configuration error', () => {
    expect(() => compileSchemaText('{"$ref": "#"}', 's.json')).toThrow(/s\.json: the schema refers to itself without end/);
  });

  test('a recursive schema that stops is fine', () => {
    const text = JSON.stringify({ type: 'object', properties: { child: { $ref: '#' } } });
    expect(errorsOf(text, { child: { child: {} } })).toEqual([]);
  });
});

describe('schemas whose root accepts an entry or an array of entries', () => {
  const schema = JSON.stringify({
    oneOf: [
      { $ref: '#/definitions/entry' },
      { type: 'array', items: { $ref: '#/definitions/entry' } },
    ],
    definitions: { entry: { type: 'object', required: ['precision'], properties: { precision: { enum: ['FP16', 'BF16'] } } } },
  });

  test('reports the entry branch errors, without the array branch', () => {
    const reports = errorsOf(schema, { precision: 'fp16' });
    expect(reports.map((report) => [report.pointer, report.messageId])).toEqual([['/precision', 'enum']]);
  });

  test('still collapses when two branches could apply', () => {
    const both = JSON.stringify({ anyOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] });
    const reports = errorsOf(both, {});
    expect(reports.map((report) => report.messageId)).toEqual(['branches']);
    expect(String(reports[0].data?.['reasons@zh-CN'])).toContain('#1');
  });
});

describe('rename hints', () => {
  test('a missing field renamed with a prefix is suggested', () => {
    const schema = JSON.stringify({ type: 'object', required: ['interconnect'], properties: { interconnect: { type: 'string' } } });
    const [report] = errorsOf(schema, { intra_node_interconnect: 'NVLink' });
    expect(report.messageId).toBe('required');
    expect(report.data?.hint).toBe('msg:hint-renamed');
    expect(report.data?.suggestion).toBe('intra_node_interconnect');
  });
});

describe('type errors', () => {
  test('hide the enum and bound errors of the same value', () => {
    const schema = JSON.stringify({ type: 'object', properties: { config_type: { type: 'string', enum: ['single_gpu'] }, n: { type: 'integer', minimum: 1 } } });
    expect(errorsOf(schema, { config_type: 5, n: 'x' }).map((report) => [report.pointer, report.messageId])).toEqual([
      ['/config_type', 'type'],
      ['/n', 'type'],
    ]);
  });
});
