/**
 * Runs the engine on every consecutive pair of commits of the real sageLLM
 * website data history, cloned from the bundle at test time. Expected entry
 * counts were worked out from the data independently: entries matched by
 * entry_id (by file and position without one) and compared as values.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check';
import type { Report } from '../../src/core/types';
import { renderText } from '../../src/report/text';
import { byRule, lineOf } from '../helpers/repo';
import { CORPUS_BUNDLE, describeWithCorpus } from '../helpers/corpus';

const FILES = ['data/leaderboard_single.json', 'data/leaderboard_multi.json', 'data/examples/*.json', 'data/results/**/*.json'];

// commit: [added, modified, removed, unchanged]
const EXPECTED_ENTRIES: Array<[string, [number, number, number, number]]> = [
  ['29efcd9', [2, 0, 0, 2]],
  ['64f6e10', [1, 2, 0, 2]],
  ['5a637b3', [8, 2, 3, 0]],
  ['bb8e9a6', [108, 0, 8, 2]],
  ['b25c62b', [5, 2, 108, 0]],
  ['e9eaf05', [1, 0, 1, 6]],
  ['ce90197', [8, 0, 2, 5]],
  ['aac7b7e', [4, 0, 0, 13]],
  ['5e7faf0', [1, 0, 0, 17]],
  ['42851c8', [23, 0, 6, 12]],
  ['52423c9', [8, 30, 0, 5]],
  ['4ed9dfb', [1, 3, 0, 40]],
  ['5f1c539', [0, 0, 1, 43]],
  ['9f86c6c', [0, 0, 0, 43]],
  ['af65f25', [2, 0, 0, 43]],
  ['b7ea30e', [0, 0, 0, 45]],
  ['05d01c1', [0, 0, 0, 45]],
  ['0294509', [8, 0, 1, 44]],
  ['c838793', [0, 0, 0, 52]],
  ['4506311', [2, 0, 47, 5]],
  ['7491bb9', [47, 0, 2, 5]],
  ['81ef60a', [2, 0, 47, 5]],
  ['3056e24', [47, 0, 2, 5]],
  ['484fd17', [2, 0, 47, 5]],
  ['88a1d08', [47, 0, 2, 5]],
  ['c00191a', [0, 0, 0, 52]],
];


describeWithCorpus('sageLLM website data history', () => {
  let repo: string;
  let commits: string[];
  const reports = new Map<string, Report>();

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const shown = new Map<string, string>();
  const show = (commit: string, path: string) => {
    const key = `${commit}:${path}`;
    if (!shown.has(key)) shown.set(key, git('show', key));
    return shown.get(key) as string;
  };

  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'lbc-corpus-'));
    execFileSync('git', ['clone', '--quiet', '-b', 'main', CORPUS_BUNDLE, repo]);
    commits = git('rev-list', '--reverse', 'main').trim().split('\n');
    for (let i = 1; i < commits.length; i++) {
      const report = await checkRepository({ repo, base: commits[i - 1], head: commits[i], files: FILES, locale: 'en', now: new Date('2026-12-01T00:00:00Z') });
      reports.set(commits[i].slice(0, 7), report);
    }
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('has 27 commits, so 26 transitions', () => {
    expect(commits).toHaveLength(27);
    expect([...reports.keys()]).toEqual(EXPECTED_ENTRIES.map(([commit]) => commit));
  });

  test.each(EXPECTED_ENTRIES)('entry counts of %s', (commit, [added, modified, removed, unchanged]) => {
    expect(reports.get(commit)?.summary.entries).toEqual({ added, modified, removed, unchanged });
  });

  test('every finding lies inside its file', () => {
    for (const [commit, report] of reports) {
      const full = commits.find((candidate) => candidate.startsWith(commit)) as string;
      for (const finding of report.findings) {
        let lines = 1;
        try {
          lines = show(full, finding.file).split('\n').length;
        } catch {
          // A deleted file is reported at line 1.
        }
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.line).toBeLessThanOrEqual(lines);
      }
    }
  });

  test('the snapshot refresh replaces all 47 single entries with 2 others', () => {
    const report = reports.get('4506311') as Report;
    const removed = byRule(report, 'entries-removed');
    expect(removed).toHaveLength(1);
    expect(removed[0].file).toBe('data/leaderboard_single.json');
    expect(removed[0].data.count).toBe(47);
    expect(removed[0].data.total).toBe(47);
    expect(removed[0].severity).toBe('error');
  });

  describe('the commit that adds 108 entries of the older shape', () => {
    const commit = 'bb8e9a6';

    test('reports the missing input_length of each at its workload', () => {
      const report = reports.get(commit) as Report;
      const missing = byRule(report, 'schema').filter((finding) => finding.messageId === 'required' && finding.data.field === 'workload.input_length');
      expect(missing).toHaveLength(108);

      const full = commits.find((candidate) => candidate.startsWith(commit)) as string;
      const single = show(full, 'data/leaderboard_single.json');
      const firstSingle = missing.find((finding) => finding.file === 'data/leaderboard_single.json');
      expect(firstSingle?.line).toBe(lineOf(single, '"workload": {'));
      expect(firstSingle?.column).toBe(9);
      const multi = show(full, 'data/leaderboard_multi.json');
      const inMulti = missing.filter((finding) => finding.file === 'data/leaderboard_multi.json');
      expect(inMulti).toHaveLength(28);
      expect(inMulti[27].line).toBe(lineOf(multi, '"workload": {', 28));
    });

    test('groups the terminal output to fit a screen per rule group', () => {
      const text = renderText(reports.get(commit) as Report);
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBeLessThan(50);
      expect(text).toContain('×108  Missing required field `workload.input_length` in `workload`.');
      expect(lines.filter((line) => line.startsWith('error  schema'))).toHaveLength(10);
    });

    test('the removed old entries are errors per file', () => {
      const removed = byRule(reports.get(commit) as Report, 'entries-removed');
      expect(removed.map((finding) => [finding.file, finding.data.count])).toEqual([
        ['data/leaderboard_multi.json', 3],
        ['data/leaderboard_single.json', 5],
      ]);
    });
  });

  test('empty cann_version strings on NVIDIA entries are called out', () => {
    const report = reports.get('52423c9') as Report;
    const findings = byRule(report, 'platform-toolkit-version');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.messageId === 'empty-string' || finding.messageId === 'required' || finding.messageId === 'must-be-null')).toBe(true);
    const empty = findings.filter((finding) => finding.messageId === 'empty-string');
    expect(empty.length).toBeGreaterThan(0);
    const full = commits.find((candidate) => candidate.startsWith('52423c9')) as string;
    const text = show(full, empty[0].file);
    expect(text.split('\n')[empty[0].line - 1]).toContain('""');
  });

  test('schema edits are reported where the schema changes', () => {
    const changed = [...reports].filter(([, report]) => byRule(report, 'schema-changed').length > 0).map(([commit]) => commit);
    expect(changed).toEqual(['4ed9dfb', '9f86c6c', 'c838793', 'c00191a']);
  });
});
