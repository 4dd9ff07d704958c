/** Reading the configuration file (YAML, JSON or JSONC) and validating it, with errors at their line. */

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { findNodeAtLocation, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import configSchema from '../../schemas/leaderboard-check.schema.json';
import { ConfigError } from '../core/errors';
import { LineIndex } from '../json/text';
import { splitPointer } from '../json/pointer';
import { findRule, RULE_IDS } from '../rules';
import { closestMatch } from '../i18n/suggest';
import { defaultConfig, type Config, type RuleSetting } from './config';
import type { MessageData, SeveritySetting } from '../core/types';
import localizeZh from 'ajv-i18n/localize/zh';

const validateConfig = new Ajv({ allErrors: true, strict: false }).compile(configSchema);
const optionAjv = new Ajv({ allErrors: false, strict: true });

interface ParsedConfig {
  value: unknown;
  /** Returns `:line:column` of a pointer in the file (its member name for `key`), or an empty string. */
  where(pointer: string, target?: 'key' | 'value'): string;
}

function parseYaml(text: string, source: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problem = document.errors[0];
  if (problem) {
    // With prettyErrors off the error carries only offsets, so the line counter places it.
    const position = lineCounter.linePos(problem.pos[0]);
    throw new ConfigError('config-yaml', { source, where: `:${position.line}:${position.col}`, detail: problem.message.split('\n')[0] });
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The yaml package stops an alias bomb ("billion laughs") here.
    throw new ConfigError('config-yaml', { source, where: '', detail: error instanceof Error ? error.message : String(error) });
  }
  return {
    value,
    where(pointer, target = 'value') {
      const path = splitPointer(pointer).map((token) => (/^\d+$/.test(token) ? Number(token) : token));
      let node: unknown = (target === 'key' ? keyNode(document, path) : undefined) ?? document.getIn(path, true);
      while (!isNode(node) && path.length > 0) {
        path.pop();
        node = path.length > 0 ? document.getIn(path, true) : document.contents;
      }
      const range = isNode(node) ? node.range : undefined;
      if (!range) return '';
      const position = lineCounter.linePos(range[0]);
      return `:${position.line}:${position.col}`;
    },
  };
}

/** Finds the key node of a mapping member, so a problem with a setting's name points at the name, as in JSON. */
function keyNode(document: Document, path: Array<string | number>): unknown {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const name = path[path.length - 1];
  return parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(name))?.key ?? undefined;
}

function parseJsonc(text: string, source: string): ParsedConfig {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lines = new LineIndex(text);
  if (errors.length > 0 || !root) {
    const error = errors[0];
    const position = lines.position(error?.offset ?? 0);
    throw new ConfigError('config-json', { source, line: position.line, column: position.column, detail: error ? printParseErrorCode(error.error) : 'empty file' });
  }
  const value: unknown = JSON.parse(JSON.stringify(nodeValue(root)));
  return {
    value,
    where(pointer, target = 'value') {
      const path = splitPointer(pointer).map((token) => (/^\d+$/.test(token) ? Number(token) : token));
      let node = findNodeAtLocation(root, path);
      while (!node && path.length > 0) {
        path.pop();
        node = path.length > 0 ? findNodeAtLocation(root, path) : root;
      }
      if (!node) return '';
      const atKey = target === 'key' || node.type === 'object' || node.type === 'array';
      const position = lines.position(atKey && node.parent?.type === 'property' ? node.parent.offset : node.offset);
      return `:${position.line}:${position.column}`;
    },
  };
}

/** Builds the value of a jsonc-parser node into plain data without prototype tricks. */
function nodeValue(node: import('jsonc-parser').Node): unknown {
  if (node.type === 'object') {
    const result: Record<string, unknown> = Object.create(null);
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) result[String(key.value)] = nodeValue(value);
    }
    return result;
  }
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

/**
 * Describes a schema violation of the configuration in every locale: known
 * keywords from the error catalogue, the rest from ajv's messages, with
 * ajv-i18n's Chinese ones for zh-CN.
 */
function describeError(error: ErrorObject): MessageData {
  if (error.keyword === 'additionalProperties') return { detail: `msg:config-unknown-setting`, name: String(error.params.additionalProperty) };
  if (error.keyword === 'enum') return { detail: 'msg:config-one-of', allowed: (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ') };
  if (error.keyword === 'required') return { detail: 'msg:config-missing-setting', name: String(error.params.missingProperty) };
  const chinese = { ...error };
  localizeZh([chinese]);
  return { detail: error.message ?? error.keyword, 'detail@zh-CN': chinese.message ?? error.keyword };
}

/**
 * Picks the most telling error: a `oneOf` reports its branches and a failed
 * branch its type, so prefer the deepest specific one.
 */
function firstError(errors: ErrorObject[]): ErrorObject {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'type' && error.keyword !== 'propertyNames');
  const candidates = specific.length > 0 ? specific : errors;
  return candidates.reduce((best, error) => (errorPointer(error).length > errorPointer(best).length ? error : best));
}

/** Returns the pointer of the setting an error is about: the unknown or misnamed key itself where there is one. */
function errorPointer(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  if (error.propertyName !== undefined) return `${error.instancePath}/${error.propertyName}`;
  return error.instancePath;
}

const optionValidators = new Map<object, ValidateFunction>();

/** Checks an option value against the rule's schema for it, such as a share between 0 and 1. */
function checkOptionValue(schema: Record<string, unknown> | undefined, value: unknown, data: MessageData): void {
  if (!schema) return;
  let validate = optionValidators.get(schema);
  if (!validate) {
    validate = optionAjv.compile(schema);
    optionValidators.set(schema, validate);
  }
  if (validate(value)) return;
  const error = (validate.errors ?? [])[0];
  const chinese = { ...error };
  localizeZh([chinese]);
  const place = error.instancePath ? `${error.instancePath.slice(1).split('/').join('.')} ` : '';
  throw new ConfigError('config-option-invalid', { ...data, value: JSON.stringify(value), detail: `${place}${error.message ?? error.keyword}`, 'detail@zh-CN': `${place}${chinese.message ?? error.keyword}` });
}

function unknownRule(id: string, source: string, where: string): ConfigError {
  const suggestion = closestMatch(id, RULE_IDS);
  return new ConfigError(suggestion ? 'config-unknown-rule-suggest' : 'config-unknown-rule', { source, where, id, suggestion: suggestion ?? '' });
}

function readRuleSettings(raw: Record<string, unknown>, where: ParsedConfig['where'], source: string, basePointer: string): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(raw)) {
    const rule = findRule(id);
    const pointer = `${basePointer}/${id}`;
    if (!rule) throw unknownRule(id, source, where(pointer, 'key'));
    if (typeof value === 'string') {
      settings.set(id, { severity: value as SeveritySetting, options: {} });
      continue;
    }
    const { severity, ...options } = value as Record<string, unknown>;
    const known = Object.keys(rule.meta.options ?? {});
    for (const [name, option] of Object.entries(options)) {
      if (!known.includes(name)) {
        const suggestion = closestMatch(name, known);
        const data = { source, where: where(`${pointer}/${name}`, 'key'), id, name, options: known.join(', '), suggestion: suggestion ?? '' };
        throw new ConfigError(suggestion ? 'config-unknown-option-suggest' : known.length > 0 ? 'config-unknown-option' : 'config-no-options', data);
      }
      const defaultValue = rule.meta.options?.[name];
      if (typeof defaultValue !== typeof option && !(typeof defaultValue === 'object' && typeof option === 'object')) {
        throw new ConfigError('config-option-type', { source, where: where(`${pointer}/${name}`), name, id, type: typeof defaultValue, value: JSON.stringify(option) });
      }
      checkOptionValue(rule.meta.optionSchemas?.[name], option, { source, where: where(`${pointer}/${name}`), name, id });
    }
    settings.set(id, { severity: severity as SeveritySetting | undefined, options });
  }
  return settings;
}

/** Parses and validates configuration text; every problem is one ConfigError with its line. */
export function parseConfig(text: string, source: string): Config {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = /\.ya?ml$/i.test(source) ? parseYaml(body, source) : parseJsonc(body, source);
  const value = parsed.value ?? {};

  if (!validateConfig(value)) {
    const error = firstError(validateConfig.errors ?? []);
    const pointer = errorPointer(error);
    const where = parsed.where(pointer, pointer === error.instancePath ? 'value' : 'key');
    if (error.propertyName !== undefined && error.keyword === 'enum') {
      throw unknownRule(error.propertyName, source, where);
    }
    const name = pointer ? pointer.slice(1).split('/').join('.') : '/';
    throw new ConfigError('config-setting', { source, where, name, ...describeError(error) });
  }

  const raw = value as Record<string, any>;
  const config = defaultConfig();
  config.source = source;
  if (raw.files) config.files = raw.files;
  if (raw.exclude) config.exclude = raw.exclude;
  if (raw.schema) config.schema = raw.schema;
  if (raw.rules) config.rules = readRuleSettings(raw.rules, parsed.where, source, '/rules');
  config.overrides = (raw.overrides ?? []).map((override: any, index: number) => ({
    files: override.files,
    rules: readRuleSettings(override.rules, parsed.where, source, `/overrides/${index}/rules`),
  }));
  config.suppressions = raw.suppressions ?? [];
  for (const [index, suppression] of config.suppressions.entries()) {
    // File-level findings belong to no entry, so such a suppression could never apply.
    if (findRule(suppression.rule)?.meta.category === 'file') {
      throw new ConfigError('config-suppression-file-rule', { source, where: parsed.where(`/suppressions/${index}/rule`), id: suppression.rule });
    }
    if (suppression.expires !== undefined && !Number.isFinite(Date.parse(`${suppression.expires}T00:00:00Z`))) {
      throw new ConfigError('config-expires', { source, where: parsed.where(`/suppressions/${index}/expires`), value: suppression.expires });
    }
  }
  const comparison = raw.comparison ?? {};
  config.comparison = { key: comparison.key, acknowledgeLabel: comparison['acknowledge-label'], acknowledgements: comparison.acknowledgements ?? [] };
  const limits = raw.limits ?? {};
  if (limits['max-findings-per-file'] !== undefined) config.limits.maxFindingsPerFile = limits['max-findings-per-file'];
  if (limits['max-depth'] !== undefined) config.limits.maxDepth = limits['max-depth'];
  if (limits['max-seconds-per-file'] !== undefined) config.limits.maxSecondsPerFile = limits['max-seconds-per-file'];
  return config;
}
