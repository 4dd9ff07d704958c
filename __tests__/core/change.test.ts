import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkRepository } from '../../src/core/check';
import { byRule, checkChange, example, json, TempRepo } from '../helpers/repo';

describe('reading a change', () => {
  test('a renamed file compares with its previous name', async () => {
    // Entries without an id are matched by file and position, so the rename must carry over.
    const anonymous = example('single_gpu');
    delete anonymous.entry_id;
    const text = json([anonymous]);
    const repo = new TempRepo();
    try {
      const base = repo.commit({ 'data/old.json': text });
      repo.git('mv', 'data/old.json', 'data/new.json');
      const head = repo.commit({});
      const report = await checkRepository({ repo: repo.dir, base, head, locale: 'en', schema: 'builtin' });
      expect(report.files).toEqual([{ status: 'renamed', path: 'data/new.json', previousPath: 'data/old.json' }]);
      expect(report.summary.entries).toEqual({ added: 0, modified: 0, removed: 0, unchanged: 1 });
      expect(report.findings).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  test('untracked files in the work tree count as added', async () => {
    const repo = new TempRepo();
    try {
      const base = repo.commit({ 'data/a.json': json([example('single_gpu')]) });
      repo.write({ 'data/new.json': json(example('multi_gpu')) });
      const report = await checkRepository({ repo: repo.dir, base, locale: 'en', schema: 'builtin' });
      expect(report.files).toEqual([{ status: 'added', path: 'data/new.json' }]);
      expect(report.summary.entries.added).toBe(1);
    } finally {
      repo.cleanup();
    }
  });

  test('a symbolic link as a data file is refused, not followed', async () => {
    const repo = new TempRepo();
    try {
      const base = repo.commit({ 'data/a.json': json([example('single_gpu')]) });
      symlinkSync('/etc/passwd', join(repo.dir, 'data', 'link.json'));
      const head = repo.commit({});
      const report = await checkRepository({ repo: repo.dir, base, head, locale: 'en', schema: 'builtin' });
      const findings = byRule(report, 'file-shape');
      expect(findings.map((finding) => [finding.file, finding.messageId, finding.severity])).toEqual([['data/link.json', 'symlink', 'error']]);
    } finally {
      repo.cleanup();
    }
  });

  test('files under schemas/ are not data by default', async () => {
    const report = await checkChange({ 'data/a.json': json([example('single_gpu')]) }, { 'data/schemas/other.schema.json': '{"type": "object"}' });
    expect(report.files).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  test('an unparseable head file hides no removals', async () => {
    const report = await checkChange({ 'data/a.json': json([example('single_gpu')]) }, { 'data/a.json': '[{' });
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['json-syntax']);
    expect(report.summary.entries.removed).toBe(0);
  });
});

describe('bundled CLI', () => {
  const bundle = join(__dirname, '..', '..', 'dist', 'cli', 'index.js');

  test('prints help through the bin entry', () => {
    const output = execFileSync(process.execPath, [bundle, '--help'], { encoding: 'utf8' });
    expect(output).toContain('Usage: leaderboard-check');
    expect(output).toContain('--fail-on LEVEL');
  });

  test('package.json names the bin', () => {
    const manifest = require('../../package.json');
    expect(manifest.bin).toEqual({ 'leaderboard-check': 'dist/cli/index.js' });
  });
});

describe('submodules', () => {
  test('a submodule under the data globs is reported, not skipped', async () => {
    const inner = new TempRepo();
    const repo = new TempRepo();
    try {
      inner.commit({ 'bad.json': '[{' });
      const base = repo.commit({ 'data/a.json': json([example('single_gpu')]) });
      repo.git('-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', inner.dir, 'data/sub');
      const head = repo.commit({});
      const report = await checkRepository({ repo: repo.dir, base, head, locale: 'en', schema: 'builtin' });
      expect(byRule(report, 'file-shape').map((finding) => [finding.file, finding.messageId])).toEqual([['data/sub', 'submodule']]);
      const worktree = await checkRepository({ repo: repo.dir, base, locale: 'en', schema: 'builtin' });
      expect(byRule(worktree, 'file-shape').map((finding) => [finding.file, finding.messageId])).toEqual([['data/sub', 'submodule']]);
    } finally {
      inner.cleanup();
      repo.cleanup();
    }
  });
});
