/** Compiling a JSON Schema with the ajv class its `$schema` declares, safely. */

import Ajv, { type AnySchemaObject, type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import addErrors from 'ajv-errors';
import { RE2JS } from 're2js';
import { ConfigError } from '../core/errors';
import { LineIndex } from '../json/text';
import { scanJson } from '../json/scanner';
import builtinSchema from './leaderboard_v1.schema.json';

export type Draft = 'draft-07' | '2019-09' | '2020-12';

export interface CompiledSchema {
  source: string;
  draft: Draft;
  validate: ValidateFunction;
  /** The schema object, to look up allowed property names for suggestions. */
  schema: AnySchemaObject;
}

export const BUILTIN = 'builtin';

const DRAFTS: Array<{ pattern: RegExp; draft: Draft }> = [
  { pattern: /json-schema\.org\/draft-0[67]\/schema/, draft: 'draft-07' },
  { pattern: /json-schema\.org\/draft\/2019-09\/schema/, draft: '2019-09' },
  { pattern: /json-schema\.org\/draft\/2020-12\/schema/, draft: '2020-12' },
];

/**
 * A linear-time regular expression engine for `pattern` and
 * `patternProperties`, so a schema cannot make validation backtrack for
 * minutes. RE2 has no lookaround or backreferences; such a pattern fails to
 * compile with a clear message.
 */
function re2Engine(pattern: string): { test(input: string): boolean; toString(): string } {
  const compiled = RE2JS.compile(pattern);
  // ajv caches compiled patterns by their toString(), so it must name the pattern.
  return { test: (input: string) => compiled.matcher(input).find(), toString: () => `/${pattern}/` };
}
re2Engine.code = 'require("re2js").RE2JS';

function detectDraft(schema: AnySchemaObject, source: string): Draft {
  const declared = schema.$schema;
  if (declared === undefined) return 'draft-07';
  if (typeof declared === 'string') {
    for (const { pattern, draft } of DRAFTS) if (pattern.test(declared)) return draft;
  }
  throw new ConfigError('schema-draft', { source, declared: JSON.stringify(declared) });
}

/** Collects `x-` annotation keywords, which strict mode would otherwise reject as typos. */
function annotationKeywords(schema: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 200 || schema === null || typeof schema !== 'object') return found;
  if (Array.isArray(schema)) {
    for (const item of schema) annotationKeywords(item, found, depth + 1);
    return found;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-')) found.add(key);
    annotationKeywords(value, found, depth + 1);
  }
  return found;
}

function createAjv(draft: Draft): Ajv {
  const options = {
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true,
    // Remote references are never fetched: a schema must be self-contained.
    loadSchema: undefined,
    code: { regExp: re2Engine },
  } as const;
  const ajv = draft === '2019-09' ? new Ajv2019(options) : draft === '2020-12' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  addErrors(ajv);
  return ajv as Ajv;
}

/** Locates a pointer inside the schema text, for configuration errors. */
function lineOf(text: string, pointer: string | undefined): string {
  if (!text || pointer === undefined) return '';
  const scan = scanJson(text, { record: true });
  const span = scan.spans.get(pointer);
  if (!span) return '';
  const position = new LineIndex(text).position(span.keyStart ?? span.start);
  return `:${position.line}:${position.column}`;
}

/** Turns ajv's "schema is invalid" text, `data/properties/x/type must be ...`, into a pointer. */
function pointerFromAjvMessage(message: string): string | undefined {
  const match = /(?:^|: )data(\/[^\s,]*)/.exec(message);
  return match ? match[1] : undefined;
}

/**
 * Validates two small values once, so a schema that refers to itself without
 * end (`{"$ref": "#"}`) fails as a configuration error here rather than as a
 * stack overflow on the first entry.
 */
function probeRecursion(validate: ValidateFunction, source: string): void {
  for (const value of [{}, [], null]) {
    try {
      validate(value);
    } catch (error) {
      if (error instanceof RangeError) throw new ConfigError('schema-recursive', { source });
      throw error;
    }
  }
}

export function compileSchema(schema: unknown, source: string, text = ''): CompiledSchema {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new ConfigError('schema-not-object', { source });
  }
  const object = schema as AnySchemaObject;
  const draft = detectDraft(object, source);
  const ajv = createAjv(draft);
  for (const keyword of annotationKeywords(object)) ajv.addKeyword({ keyword, schemaType: undefined });

  try {
    const validate = ajv.compile(object);
    probeRecursion(validate, source);
    return { source, draft, validate, schema: object };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/can't resolve reference|resolve reference/i.test(message)) {
      const reference = /reference (\S+)/.exec(message)?.[1] ?? '';
      throw new ConfigError('schema-remote-ref', { source, reference });
    }
    if (/error parsing regexp/i.test(message)) {
      throw new ConfigError('schema-pattern', { source, detail: message });
    }
    const where = lineOf(text, pointerFromAjvMessage(message));
    throw new ConfigError('schema-invalid', { source, where, detail: message.split('\n')[0] });
  }
}

export function compileBuiltinSchema(): CompiledSchema {
  return compileSchema(builtinSchema, BUILTIN);
}

/** Parses and compiles schema text read from a file or from git. */
export function compileSchemaText(text: string, source: string): CompiledSchema {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let schema: unknown;
  try {
    schema = JSON.parse(body);
  } catch {
    const issue = scanJson(body, { record: false, whole: true }).syntax;
    const position = new LineIndex(body).position(issue?.offset ?? 0);
    throw new ConfigError('schema-not-json', { source, line: position.line, column: position.column, problem: issue?.problem ?? 'syntax error' });
  }
  return compileSchema(schema, source, body);
}
