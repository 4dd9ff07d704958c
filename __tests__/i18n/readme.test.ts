/**
 * Keeps the Chinese README and configuration guide in step with the English
 * ones: the same sections in the same order, the same code, and the same
 * rule table, so an edit to one that is not made to the other fails here.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/rules';

const ROOT = join(__dirname, '..', '..');

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Returns the heading levels in order, outside fenced code. */
function headingLevels(text: string): number[] {
  const levels: number[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) levels.push(line.indexOf(' '));
  }
  return levels;
}

function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^```[^\n]*\n[\s\S]*?^```$/gm)].map((match) => match[0]);
}

/** Returns the first cell of each table row that starts with a code span, such as a rule id. */
function tableKeys(text: string): string[] {
  return [...text.matchAll(/^\| (`[^`]+`) \|/gm)].map((match) => match[1]);
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

  test.each(['README.md', 'README.zh-CN.md'])('%s lists every rule in registry order', (path) => {
    const ids = tableKeys(read(path)).map((cell) => cell.slice(1, -1));

    expect(ids).toEqual(RULES.map((rule) => rule.meta.id));
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
