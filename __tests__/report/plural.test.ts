/** Singular English forms in the catalogue and the terminal report. */

import type { Report } from '../../src/core/types';
import { SINGULAR, STRINGS, tCount, type StringId } from '../../src/i18n/strings';
import { renderText } from '../../src/report/text';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z]\w*)\}/g)].map((match) => match[1]).sort();
}

function report(summary: Report['summary'], change: Partial<Report> = {}): Report {
  return {
    reportVersion: 1,
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    locale: 'en',
    summary,
    findings: [],
    files: [],
    entries: [],
    comparisons: [],
    omitted: [],
    uncompared: [],
    ...change,
  };
}

const entries = { added: 1, modified: 0, removed: 0, unchanged: 0 };

describe('singular forms', () => {
  const singular = Object.entries(SINGULAR.en) as Array<[StringId, string]>;

  test.each(singular)('%s keeps its placeholders', (id, template) => {
    expect(placeholders(template)).toEqual(placeholders(STRINGS.en[id]));
  });

  test('Chinese has none', () => {
    expect(SINGULAR['zh-CN']).toEqual({});
  });

  test('count of one picks the singular', () => {
    expect(tCount('en', 'report.files', 1)).toBe('1 data file changed');
  });

  test.each([0, 2, 11])('count of %i stays plural', (count) => {
    expect(tCount('en', 'report.files', count)).toBe(`${count} data files changed`);
  });

  test('missing singular falls back', () => {
    expect(tCount('en', 'report.more-locations', 1)).toBe('… and 1 more');
  });
});

describe('terminal totals', () => {
  test('ones are singular', () => {
    const text = renderText(report({ files: 1, entries, errors: 1, warnings: 1, notices: 1 }));

    expect(text).toContain('1 data file changed');
    expect(text).toContain('1 error, 1 warning, 1 notice\n');
  });

  test('mixed counts', () => {
    const text = renderText(report({ files: 3, entries, errors: 2, warnings: 1, notices: 0 }));

    expect(text).toContain('3 data files changed');
    expect(text).toContain('2 errors, 1 warning, 0 notices\n');
  });

  test('one omitted finding is singular', () => {
    const text = renderText(report({ files: 1, entries, errors: 0, warnings: 0, notices: 0 }, { omitted: [{ file: 'data/a.json', count: 1 }] }));

    expect(text).toContain('1 more finding in data/a.json was omitted (limit `max-findings-per-file`); it is counted above.');
  });

  test('one uncompared entry is singular', () => {
    const text = renderText(report({ files: 1, entries, errors: 0, warnings: 0, notices: 0 }, { uncompared: [{ entryId: 'e1', file: 'data/a.json', missing: ['hardware'] }] }));

    expect(text).toContain('1 new or changed entry could not be compared: it lacks configuration fields');
  });

  test('Chinese totals', () => {
    const text = renderText(report({ files: 1, entries, errors: 1, warnings: 2, notices: 1 }, { locale: 'zh-CN' }));

    expect(text).toContain('1 个数据文件有变更');
    expect(text).toContain('1 个错误，2 个警告，1 个提示\n');
  });
});
