import type { ErrorObject } from 'ajv';
import type { Entry } from '../core/model';
import type { CompiledSchema } from '../schema/load';
import { valueAt } from '../json/pointer';
import { quote } from '../i18n/format';
import { closestMatch } from '../i18n/suggest';
import type { EntryReport, RuleDefinition } from './rule';
import { ConfigError } from '../core/errors';
import localizeZh from 'ajv-i18n/localize/zh';

const en = {
  required: 'Missing required field `{field}` in `{parent}`.{hint}',
  additional: '`{field}` is not a field of `{parent}`.{hint}',
  enum: '`{field}` is {value}, but it must be one of {allowed}.{hint}',
  type: '`{field}` is {value} ({actual}), but it must be {expected}.{hint}',
  limit: '`{field}` is {value}, but it must be {comparison} {limit}.',
  pattern: '`{field}` is {value}, which does not match the pattern {pattern}.',
  format: '`{field}` is {value}, which is not a valid {format}.',
  const: '`{field}` is {value}, but it must be {expected}.',
  length: '`{field}` is {value}, but it must have {comparison} {limit} characters.',
  branches: '`{field}` matches none of the {count} allowed forms ({keyword}): {reasons}.',
  custom: '`{field}`: {text}',
  other: '`{field}` {text}.',
  'hint-did-you-mean': ' Did you mean {suggestion}?',
  'hint-renamed': ' The entry has `{suggestion}`: was it renamed?',
  'hint-null': ' Use null, not an empty string, for a value that was not measured.',
  'hint-unquote': ' Write the number without quotes.',
  'hint-allowed': ' Allowed fields: {allowed}.',
  'comparison-minimum': 'at least',
  'comparison-maximum': 'at most',
  'comparison-exclusiveMinimum': 'greater than',
  'comparison-exclusiveMaximum': 'less than',
  'comparison-minLength': 'at least',
  'comparison-maxLength': 'at most',
  'entry-root': 'the entry',
  'type-or': ' or ',
};

const zh: typeof en = {
  required: '`{parent}` 缺少必填字段 `{field}`。{hint}',
  additional: '`{field}` 不是 `{parent}` 允许的字段。{hint}',
  enum: '`{field}` 为 {value}，但必须是 {allowed} 之一。{hint}',
  type: '`{field}` 为 {value}（{actual}），但必须是 {expected}。{hint}',
  limit: '`{field}` 为 {value}，但必须{comparison} {limit}。',
  pattern: '`{field}` 为 {value}，不符合模式 {pattern}。',
  format: '`{field}` 为 {value}，不是有效的 {format}。',
  const: '`{field}` 为 {value}，但必须为 {expected}。',
  length: '`{field}` 为 {value}，长度必须{comparison} {limit} 个字符。',
  branches: '`{field}` 不符合 {count} 种允许形式中的任何一种（{keyword}）：{reasons}。',
  custom: '`{field}`：{text}',
  other: '`{field}` {text}。',
  'hint-did-you-mean': '是否应为 {suggestion}？',
  'hint-renamed': '该条目中有 `{suggestion}`：是否被改名了？',
  'hint-null': '未测量的值请使用 null，不要使用空字符串。',
  'hint-unquote': '请去掉数字两侧的引号。',
  'hint-allowed': '允许的字段：{allowed}。',
  'comparison-minimum': '至少为',
  'comparison-maximum': '至多为',
  'comparison-exclusiveMinimum': '大于',
  'comparison-exclusiveMaximum': '小于',
  'comparison-minLength': '至少',
  'comparison-maxLength': '至多',
  'entry-root': '条目',
  'type-or': '或',
};

const MAX_LISTED = 8;

/** A dotted name for a pointer relative to the entry, such as `metrics.ttft_ms`. */
function dottedName(pointer: string): string {
  return pointer === '' ? '' : pointer.slice(1).split('/').join('.');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function list(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_LISTED).map((value) => (typeof value === 'string' ? JSON.stringify(value) : quote(value)));
  if (values.length > MAX_LISTED) shown.push('…');
  return shown.join(', ');
}

/** Allowed property names of the schema object at a schema path such as `#/properties/hardware/additionalProperties`. */
function allowedProperties(schema: unknown, schemaPath: string): string[] {
  const parentPath = schemaPath.replace(/^#/, '').replace(/\/(additionalProperties|required)$/, '');
  const node = valueAt(schema, parentPath);
  if (node === null || typeof node !== 'object') return [];
  const properties = (node as Record<string, unknown>).properties;
  return properties !== null && typeof properties === 'object' ? Object.keys(properties) : [];
}

function isBranchError(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' || error.keyword === 'anyOf';
}

/**
 * Reduces ajv's errors to one per problem. The errors of a `oneOf`/`anyOf`
 * are folded into one finding that names the first problem of each branch,
 * unless only one branch can apply, whose errors then stand alone. `if`
 * errors are dropped because the `then` or `else` error repeats them, and a
 * value of the wrong type keeps only its type error.
 */
function collapse(errors: ErrorObject[]): Array<{ error: ErrorObject; branchReasons?: BranchReasons }> {
  const combinators = errors.filter(isBranchError);
  const inside = (error: ErrorObject) =>
    combinators.some((combinator) => combinator !== error && error.schemaPath.startsWith(`${combinator.schemaPath}/`));
  const collapsed: Array<{ error: ErrorObject; branchReasons?: BranchReasons }> = [];
  // A value of the wrong type fails its enum, pattern and bounds too; the type error alone names the fix.
  const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
  for (const error of errors) {
    if (error.keyword === 'if' || inside(error)) continue;
    if (error.keyword !== 'type' && !isBranchError(error) && wrongType.has(error.instancePath) && error.keyword !== 'errorMessage') continue;
    if (!isBranchError(error)) {
      collapsed.push({ error });
      continue;
    }

    const branchCount = Array.isArray(error.schema) ? error.schema.length : 0;
    const branches = Array.from({ length: branchCount }, (_, branch) => errors.filter((candidate) => candidate.schemaPath.startsWith(`${error.schemaPath}/${branch}/`)));
    // A branch that fails only on the type of the value itself cannot be the one
    // meant, such as the array branch of `oneOf: [entry, array of entries]`.
    // When one branch is left, its own errors stand for the combinator.
    // NOTE: errors inside a `$ref` carry the referenced schema's path, so they
    // cannot be told apart by path: they are reported on their own, and a
    // branch without errors under its path counts as applicable.
    const cannotApply = (branch: ErrorObject[]) => branch.length > 0 && branch.every((candidate) => candidate.keyword === 'type' && candidate.instancePath === error.instancePath);
    const applicable = branches.filter((branch) => !cannotApply(branch));
    if (applicable.length === 1) {
      collapsed.push(...collapse(applicable[0]));
      continue;
    }
    collapsed.push({ error, branchReasons: branchReasons(branches) });
  }
  return collapsed;
}

type BranchReasons = { en: string[]; zh: string[] };

/** The first problem of each branch, in English and, through ajv-i18n, in Chinese. */
function branchReasons(branches: ErrorObject[][]): BranchReasons {
  const reasons: BranchReasons = { en: [], zh: [] };
  branches.forEach((branch, index) => {
    const first = branch[0];
    if (!first) return;
    const chinese = { ...first };
    localizeZh([chinese]);
    const place = dottedName(first.instancePath) || '.';
    reasons.en.push(`#${index + 1} ${place} ${first.message ?? first.keyword}`);
    reasons.zh.push(`#${index + 1} ${place} ${chinese.message ?? first.keyword}`);
  });
  return reasons;
}

/** Maps one ajv error to a finding relative to the entry. */
function toReport(error: ErrorObject, entry: Entry, compiled: CompiledSchema, branchReasons?: BranchReasons): EntryReport {
  const params = error.params as Record<string, unknown>;
  const value: unknown = error.data;
  const field = dottedName(error.instancePath);
  const base = { field, value: quote(value), hint: '' };

  if (error.keyword === 'errorMessage') {
    return { pointer: error.instancePath, messageId: 'custom', data: { field: field || 'msg:entry-root', text: error.message ?? '' } };
  }
  if (error.keyword === 'required' || error.keyword === 'dependencies' || error.keyword === 'dependentRequired') {
    const missing = String(params.missingProperty);
    const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
    const allowed = allowedProperties(compiled.schema, error.schemaPath);
    const renamed = closestMatch(missing, present.filter((name) => !allowed.includes(name)));
    return {
      pointer: error.instancePath,
      target: 'key',
      messageId: 'required',
      data: { field: field ? `${field}.${missing}` : missing, parent: field || 'msg:entry-root', hint: renamed ? 'msg:hint-renamed' : '', suggestion: renamed ?? '' },
    };
  }
  if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const extra = String(params.additionalProperty ?? params.unevaluatedProperty);
    const allowed = allowedProperties(compiled.schema, error.schemaPath);
    const suggestion = closestMatch(extra, allowed);
    return {
      pointer: `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      target: 'key',
      messageId: 'additional',
      data: {
        field: field ? `${field}.${extra}` : extra,
        parent: field || 'msg:entry-root',
        hint: suggestion ? 'msg:hint-did-you-mean' : allowed.length > 0 ? 'msg:hint-allowed' : '',
        suggestion: suggestion ? `\`${suggestion}\`` : '',
        allowed: list(allowed),
      },
    };
  }
  if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]) ?? [];
    const suggestion = typeof value === 'string' ? closestMatch(value, allowed.filter((item): item is string => typeof item === 'string')) : undefined;
    return {
      pointer: error.instancePath,
      messageId: 'enum',
      data: { ...base, allowed: list(allowed), hint: suggestion ? 'msg:hint-did-you-mean' : '', suggestion: JSON.stringify(suggestion ?? '') },
    };
  }
  if (error.keyword === 'type') {
    const expected = String(params.type).split(',');
    let hint = '';
    if (value === '' && expected.includes('null')) hint = 'msg:hint-null';
    else if (typeof value === 'string' && (expected.includes('number') || expected.includes('integer')) && value.trim() !== '' && Number.isFinite(Number(value))) hint = 'msg:hint-unquote';
    return { pointer: error.instancePath, messageId: 'type', data: { ...base, actual: typeName(value), expected: expected.join(' | '), hint } };
  }
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(error.keyword)) {
    return { pointer: error.instancePath, messageId: 'limit', data: { ...base, comparison: `msg:comparison-${error.keyword}`, limit: String(params.limit) } };
  }
  if (error.keyword === 'minLength' || error.keyword === 'maxLength') {
    return { pointer: error.instancePath, messageId: 'length', data: { ...base, comparison: `msg:comparison-${error.keyword}`, limit: String(params.limit) } };
  }
  if (error.keyword === 'pattern') {
    return { pointer: error.instancePath, messageId: 'pattern', data: { ...base, pattern: `\`${String(params.pattern)}\`` } };
  }
  if (error.keyword === 'format') {
    return { pointer: error.instancePath, messageId: 'format', data: { ...base, format: String(params.format) } };
  }
  if (error.keyword === 'const') {
    return { pointer: error.instancePath, messageId: 'const', data: { ...base, expected: quote(params.allowedValue) } };
  }
  if (branchReasons) {
    const count = Array.isArray(error.schema) ? error.schema.length : branchReasons.en.length;
    const data = { field: field || 'msg:entry-root', count, keyword: error.keyword, reasons: branchReasons.en.join('; '), 'reasons@zh-CN': branchReasons.zh.join('；') };
    return { pointer: error.instancePath, messageId: 'branches', data };
  }
  return { pointer: error.instancePath, messageId: 'other', data: { field: field || 'msg:entry-root', text: error.message ?? error.keyword } };
}

/** Validates one entry and reports every violation at its key or value. */
export function validateEntry(entry: Entry, compiled: CompiledSchema, report: (finding: EntryReport) => void): void {
  let valid: boolean;
  try {
    valid = compiled.validate(entry.value) as boolean;
  } catch (error) {
    // Entries are nested at most `limits.max-depth` levels, so only a schema
    // that recurses without end overflows the stack here: the schema is at fault.
    if (error instanceof RangeError) throw new ConfigError('schema-recursive', { source: compiled.source });
    throw error;
  }
  if (valid) return;
  for (const { error, branchReasons } of collapse(compiled.validate.errors ?? [])) {
    report(toReport(error, entry, compiled, branchReasons));
  }
}

export const schemaRule: RuleDefinition = {
  meta: {
    id: 'schema',
    category: 'schema',
    defaultSeverity: 'error',
    description: {
      en: 'A JSON Schema violation, reported at the offending key or value.',
      'zh-CN': '违反 JSON Schema，在出错的键或值处报告。',
    },
    messages: { en, 'zh-CN': zh },
  },
};
