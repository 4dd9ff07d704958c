/**
 * Keeps the Chinese README and configuration guide in step with the English
 * ones: the same sections in the same order, the same code, and the same
 * table keys, defaults and severities, so an edit to one that is not made to
 * the other fails here.
 */

import { RULES } from '../../src/rules';
import { codeBlocks, headingLevels, read, sections, tableKeys, tablesUnder } from '../docs/markdown';

/** Returns every table row of the document, in order. */
function tableRows(text: string): string[][] {
  return sections(text).flatMap((section) => section.tables.flat());
}

describe.each([
  ['README.md', 'README.zh-CN.md'],
  ['docs/configuration.md', 'docs/configuration.zh-CN.md'],
])('%s and its translation', (english, chinese) => {
  const source = read(english);
  const translation = read(chinese);

  test('have the same heading structure', () => {
    expect(headingLevels(source).length).toBeGreaterThan(1);
    expect(headingLevels(translation)).toEqual(headingLevels(source));
  });

  test('link to each other', () => {
    expect(source).toContain(`](${chinese.split('/').pop()})`);
    expect(translation).toContain(`](${english.split('/').pop()})`);
  });

  test('have the same table keys', () => {
    expect(tableKeys(translation)).toEqual(tableKeys(source));
  });
});

describe('README translation', () => {
  test('has the same code blocks', () => {
    const blocks = codeBlocks(read('README.md'));

    expect(blocks.length).toBeGreaterThan(0);
    expect(codeBlocks(read('README.zh-CN.md'))).toEqual(blocks);
  });

  test.each([
    ['README.md', 'Rules'],
    ['README.zh-CN.md', '规则'],
  ])('%s lists every rule in registry order', (path, heading) => {
    const tables = tablesUnder(read(path), heading);
    const ids = tables.flatMap((table) => table.map((row) => row[0].slice(1, -1)));

    expect(tables).toHaveLength(1);
    expect(ids).toEqual(RULES.map((rule) => rule.meta.id));
  });

  test.each([
    ['README.md', 'Rules'],
    ['README.zh-CN.md', '规则'],
  ])('%s shows each default severity', (path, heading) => {
    const [table] = tablesUnder(read(path), heading);
    const severities = new Map(table.map((row) => [row[0].slice(1, -1), row[1]]));

    for (const rule of RULES) expect(severities.get(rule.meta.id)?.split(' / ')[0]).toBe(rule.meta.defaultSeverity);
  });

  test('tables agree on their middle cells', () => {
    // Middle cells hold defaults and severities, which are values rather than prose, so the translation keeps them.
    const middleCells = (text: string) => tableRows(text).map((row) => row.slice(1, -1));

    expect(middleCells(read('README.zh-CN.md'))).toEqual(middleCells(read('README.md')));
  });
});

describe('configuration guide translation', () => {
  test('has the same number of code blocks', () => {
    expect(codeBlocks(read('docs/configuration.zh-CN.md'))).toHaveLength(codeBlocks(read('docs/configuration.md')).length);
  });

  test('has error examples at the same places', () => {
    // Each guide shows the messages in its own language, so the places must match, not the text.
    const places = (text: string) =>
      codeBlocks(text)
        .filter((block) => block.startsWith('```text'))
        .flatMap((block) => [...block.matchAll(/leaderboard-check\.yml:\d+:\d+/g)].map((match) => match[0]));

    expect(places(read('docs/configuration.zh-CN.md'))).toEqual(places(read('docs/configuration.md')));
    expect(places(read('docs/configuration.md'))).toHaveLength(4);
  });
});
