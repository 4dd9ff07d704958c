/**
 * Keeps the public rule ids, the registry, the configuration schema, the
 * message tables and the docs pages in step: a rule added, renamed or
 * reworded in one place and not the others fails here.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import configSchema from '../../schemas/leaderboard-check.schema.json';
import { LOCALES } from '../../src/core/types';
import { RULES, findRule } from '../../src/rules';
import type { RuleDefinition } from '../../src/rules/rule';

/** The public rule catalogue, in its published order: these ids are an interface that users configure and search for. */
const PUBLIC_IDS = [
  'json-syntax',
  'duplicate-key',
  'file-shape',
  'file-encoding',
  'file-too-large',
  'schema',
  'config-type-consistency',
  'cluster-node-count',
  'comm-version-required',
  'chips-per-node-required',
  'chip-count-topology',
  'platform-toolkit-version',
  'parallelism-chip-count',
  'memory-consistency',
  'reproducible-cmd',
  'submitted-at-future',
  'duplicate-entry-id',
  'duplicate-result',
  'entry-modified',
  'entries-removed',
  'metric-regression',
  'metric-outlier',
  'metric-consistency',
  'schema-changed',
];

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const DOC_SUFFIX: Record<string, string> = { en: '.md', 'zh-CN': '.zh-CN.md' };

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][\w]*)\}/g)].map((match) => match[1]))].sort();
}

const READERS = ['src/core/parse-file.ts', 'src/core/read.ts', 'src/core/inspect.ts'];

/**
 * Returns the source text that builds findings of a rule: its own module, and
 * in the readers that report file rules, the finding literals that name it.
 */
function sourcesOf(id: string): Array<{ path: string; text: string }> {
  const sources: Array<{ path: string; text: string }> = [];
  const own = `src/rules/${id}.ts`;
  if (existsSync(join(ROOT, own))) sources.push({ path: own, text: read(own) });
  for (const path of READERS) {
    const text = read(path);
    for (const match of text.matchAll(new RegExp(`ruleId: '${id}'`, 'g'))) {
      // A finding literal ends where the next one starts, and none is longer than 400 characters.
      const rest = text.slice(match.index, match.index + 400);
      const next = rest.indexOf('ruleId:', 1);
      sources.push({ path, text: next > 0 ? rest.slice(0, next) : rest });
    }
  }
  return sources;
}

/** Finds the `msg:` references in source text. A reference built in a template literal yields its fixed prefix, marked `prefix`. */
function messageReferences(text: string): Array<{ id: string; prefix: boolean }> {
  return [...text.matchAll(/msg:([a-z0-9-]*)(\$\{)?/g)].map((match) => ({ id: match[1], prefix: match[2] !== undefined }));
}

/** Collects the message ids named as literals in the rule's own module, or next to its id in the readers. */
function literalMessageIds(id: string): string[] {
  const ids = new Set<string>();
  const own = join(ROOT, 'src', 'rules', `${id}.ts`);
  if (existsSync(own)) {
    for (const match of readFileSync(own, 'utf8').matchAll(/messageId: '([a-z0-9-]+)'/g)) ids.add(match[1]);
  }
  for (const path of READERS) {
    for (const match of read(path).matchAll(/ruleId: '([a-z-]+)',\s*messageId: '([a-z0-9-]+)'/g)) {
      if (match[1] === id) ids.add(match[2]);
    }
  }
  return [...ids];
}

function unionMembers(source: string, typeName: string): string[] {
  const body = source.match(new RegExp(`export type ${typeName} =([^;]+);`));
  if (!body) throw new Error(`type ${typeName} not found`);
  return [...body[1].matchAll(/'([a-z-]+)'/g)].map((match) => match[1]);
}

describe('rule ids', () => {
  test('registry lists the public ids in order', () => {
    expect(RULES.map((rule) => rule.meta.id)).toEqual(PUBLIC_IDS);
  });

  test('configuration schema enum lists the public ids', () => {
    expect(configSchema.definitions.ruleId.enum).toEqual(PUBLIC_IDS);
  });

  test('every id is kebab-case and unique', () => {
    for (const rule of RULES) expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(RULES.map((rule) => rule.meta.id)).size).toBe(RULES.length);
  });

  test('findRule finds each public id', () => {
    for (const id of PUBLIC_IDS) expect(findRule(id)?.meta.id).toBe(id);
  });
});

// A rule missing from the registry fails the id tests above, so these tables cover only the rules that exist.
const registered: Array<[string, RuleDefinition]> = RULES.map((rule) => [rule.meta.id, rule]);

describe.each(registered)('rule %s', (id, rule) => {
  test('has a description in every locale', () => {
    for (const locale of LOCALES) {
      expect(rule.meta.description[locale]?.trim()).toBeTruthy();
    }
  });

  test('has a default severity', () => {
    expect(['error', 'warning', 'notice']).toContain(rule.meta.defaultSeverity);
  });

  test('has the same message ids in every locale', () => {
    const english = Object.keys(rule.meta.messages.en).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      expect(Object.keys(rule.meta.messages[locale] ?? {}).sort()).toEqual(english);
    }
  });

  test('has the same placeholders in every locale', () => {
    for (const [messageId, template] of Object.entries(rule.meta.messages.en)) {
      for (const locale of LOCALES) {
        const translated = rule.meta.messages[locale][messageId];
        expect({ messageId, locale, placeholders: placeholders(translated) }).toEqual({ messageId, locale, placeholders: placeholders(template) });
      }
    }
  });

  test('resolves every msg: reference', () => {
    const ids = Object.keys(rule.meta.messages.en);
    for (const { path, text } of sourcesOf(id)) {
      for (const reference of messageReferences(text)) {
        const resolved = reference.prefix ? ids.some((candidate) => candidate.startsWith(reference.id)) : ids.includes(reference.id);
        expect({ path, reference: `msg:${reference.id}`, resolved }).toEqual({ path, reference: `msg:${reference.id}`, resolved: true });
      }
    }
  });

  test('has a template for every message id it reports', () => {
    const ids = Object.keys(rule.meta.messages.en);
    for (const messageId of literalMessageIds(id)) {
      expect({ messageId, known: ids.includes(messageId) }).toEqual({ messageId, known: true });
    }
  });

  test.each(LOCALES)('has a docs page in %s', (locale) => {
    const path = join(DOCS, `${id}${DOC_SUFFIX[locale]}`);
    expect(existsSync(path)).toBe(true);

    const page = readFileSync(path, 'utf8');
    expect(page.split('\n')[0]).toBe(`# \`${id}\``);
    expect(page).toContain(`**${rule.meta.defaultSeverity}`);
    for (const option of Object.keys(rule.meta.options ?? {})) {
      expect({ option, documented: page.includes(`| \`${option}\` |`) }).toEqual({ option, documented: true });
    }
  });

  test('docs pages match across locales', () => {
    const pages = LOCALES.map((locale) => readFileSync(join(DOCS, `${id}${DOC_SUFFIX[locale]}`), 'utf8'));
    const headings = pages.map((page) => page.split('\n').filter((line) => /^#{1,6} /.test(line)).length);
    const fences = pages.map((page) => page.split('\n').filter((line) => line.startsWith('```')).length);
    const json = pages.map((page) => [...page.matchAll(/```jsonc?\n([\s\S]*?)```/g)].map((match) => match[1]));

    expect(new Set(headings).size).toBe(1);
    expect(new Set(fences).size).toBe(1);
    expect(json[1]).toEqual(json[0]);
  });
});

describe('json-syntax messages', () => {
  const scanner = read('src/json/scanner.ts');
  const messages = Object.keys(findRule('json-syntax')?.meta.messages.en ?? {});

  test('cover every syntax problem of the scanner', () => {
    for (const problem of unionMembers(scanner, 'SyntaxProblem')) expect(messages).toContain(problem);
  });

  test('cover every expected token of the scanner', () => {
    for (const token of unionMembers(scanner, 'ExpectedToken')) expect(messages).toContain(`expected-${token}`);
  });

  test('cover every number problem of the scanner', () => {
    expect(messages).toContain('number-overflow');
    expect(messages).toContain('unsafe-integer');
    expect(unionMembers(scanner, 'NumberProblem').sort()).toEqual(['overflow', 'unsafe-integer']);
  });
});

describe('docs folder', () => {
  test('holds pages of public ids only', () => {
    const strays = readdirSync(DOCS)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.replace(/(\.zh-CN)?\.md$/, ''))
      .filter((id) => !PUBLIC_IDS.includes(id));
    expect(strays).toEqual([]);
  });

  test('has both languages of every public id', () => {
    for (const id of PUBLIC_IDS) {
      for (const locale of LOCALES) expect(existsSync(join(DOCS, `${id}${DOC_SUFFIX[locale]}`))).toBe(true);
    }
  });
});
