/** Reading the configuration file (YAML, JSON or JSONC) and validating it, with errors at their line. */

import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { findNodeAtLocation, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import configSchema from '../../schemas/leaderboard-check.schema.json';
import { ConfigError } from '../core/errors';
import { LineIndex } from '../json/text';
import { splitPointer } from '../json/pointer';
import { findRule } from '../rules';
import { closestMatch } from '../i18n/suggest';
import { defaultConfig, type Config, type RuleSetting } from './config';
import type { SeveritySetting } from '../core/types';

const validateConfig = new Ajv({ allErrors: true, strict: false }).compile(configSchema);

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
    throw new ConfigError(`${source}:${position.line}:${position.col}: invalid YAML: ${problem.message.split('\n')[0]}`);
  }
  return {
    value: document.toJS({ maxAliasCount: 100 }) ?? {},
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
    throw new ConfigError(`${source}:${position.line}:${position.column}: invalid JSON: ${error ? printParseErrorCode(error.error) : 'empty file'}`);
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

function describeError(error: ErrorObject): string {
  if (error.propertyName !== undefined && error.keyword === 'enum') {
    const suggestion = closestMatch(error.propertyName, (error.params.allowedValues as string[]) ?? []);
    const hint = suggestion ? `did you mean "${suggestion}"?` : 'run `leaderboard-check rules` for the list';
    return `unknown rule "${error.propertyName}": ${hint}`;
  }
  if (error.keyword === 'additionalProperties') return `unknown setting "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'enum') return `must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if (error.keyword === 'required') return `missing required setting "${String(error.params.missingProperty)}"`;
  return error.message ?? error.keyword;
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

function readRuleSettings(raw: Record<string, unknown>, where: ParsedConfig['where'], source: string, basePointer: string): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const [id, value] of Object.entries(raw)) {
    const rule = findRule(id);
    const pointer = `${basePointer}/${id}`;
    if (!rule) throw new ConfigError(`${source}${where(pointer, 'key')}: unknown rule "${id}": run \`leaderboard-check rules\` for the list.`);
    if (typeof value === 'string') {
      settings.set(id, { severity: value as SeveritySetting, options: {} });
      continue;
    }
    const { severity, ...options } = value as Record<string, unknown>;
    const known = Object.keys(rule.meta.options ?? {});
    for (const [name, option] of Object.entries(options)) {
      if (!known.includes(name)) {
        const suggestion = closestMatch(name, known);
        let list = 'it has no options';
        if (suggestion) list = `did you mean "${suggestion}"? Its options are ${known.join(', ')}`;
        else if (known.length > 0) list = `its options are ${known.join(', ')}`;
        throw new ConfigError(`${source}${where(`${pointer}/${name}`, 'key')}: rule "${id}" has no option "${name}": ${list}.`);
      }
      const defaultValue = rule.meta.options?.[name];
      if (typeof defaultValue !== typeof option && !(typeof defaultValue === 'object' && typeof option === 'object')) {
        throw new ConfigError(`${source}${where(`${pointer}/${name}`)}: option "${name}" of rule "${id}" must be a ${typeof defaultValue}, found ${JSON.stringify(option)}.`);
      }
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
    const name = pointer ? pointer.slice(1).split('/').join('.') : 'the configuration';
    const description = describeError(error);
    const end = /[.?]$/.test(description) ? '' : '.';
    throw new ConfigError(`${source}${parsed.where(pointer, pointer === error.instancePath ? 'value' : 'key')}: ${name}: ${description}${end}`);
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
    if (suppression.expires !== undefined && !Number.isFinite(Date.parse(`${suppression.expires}T00:00:00Z`))) {
      throw new ConfigError(`${source}${parsed.where(`/suppressions/${index}/expires`)}: expires "${suppression.expires}" is not a date.`);
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
