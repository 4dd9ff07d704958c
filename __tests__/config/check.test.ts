import { checkRepository } from '../../src/core/check';
import { ConfigError } from '../../src/core/errors';
import type { Finding, Report } from '../../src/core/types';
import { createRepo, ID_A, ID_B, ID_C, json, validEntry, type TempRepo } from './repo';

const CONFIG = '.github/leaderboard-check.yml';
const NOW = new Date('2026-03-01T12:00:00Z');

let repo: TempRepo;

afterEach(() => repo?.remove());

/** Builds an entry that lacks only `metadata.reproducible_cmd`, so its one finding is that warning. */
function withoutCommand(id: string) {
  return validEntry(id, (entry) => {
    delete entry.metadata.reproducible_cmd;
  });
}

/**
 * Commits the configuration and one published entry at base, then commits
 * the given data files at head, and checks head against base.
 */
async function check(config: string | undefined, head: Record<string, unknown>, headConfig?: string): Promise<Report> {
  repo = createRepo();
  if (config !== undefined) repo.write(CONFIG, config);
  repo.write('data/a.json', json([validEntry(ID_A)]));
  const base = repo.commit('base');

  for (const [path, value] of Object.entries(head)) repo.write(path, json(value));
  if (headConfig !== undefined) repo.write(CONFIG, headConfig);
  const headCommit = repo.commit('head');

  return checkRepository({ repo: repo.dir, base, head: headCommit, locale: 'en', now: NOW, schema: 'builtin' });
}

function of(report: Report, ruleId: string): Finding[] {
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

describe('configuration read at base', () => {
  const head = { 'data/a.json': [validEntry(ID_A), withoutCommand(ID_B)] };

  test('without configuration the rule warns', async () => {
    const report = await check(undefined, head);

    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'reproducible-cmd', severity: 'warning', file: 'data/a.json', entryId: ID_B });
    expect(report.summary.warnings).toBe(1);
  });

  test('turns a rule off', async () => {
    const report = await check('rules:\n  reproducible-cmd: off\n', head);

    expect(of(report, 'reproducible-cmd')).toHaveLength(0);
    expect(report.summary.warnings).toBe(0);
  });

  test('changes a severity', async () => {
    const report = await check('rules:\n  reproducible-cmd: error\n', head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.severity)).toEqual(['error']);
    expect(report.summary.errors).toBe(1);
    expect(report.summary.warnings).toBe(0);
  });

  test('changes a severity in the object form', async () => {
    const report = await check('rules:\n  reproducible-cmd:\n    severity: notice\n', head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.severity)).toEqual(['notice']);
    expect(report.summary.notices).toBe(1);
  });

  test('head configuration is not used', async () => {
    const report = await check('rules:\n  reproducible-cmd: error\n', head, 'rules:\n  reproducible-cmd: off\n');

    expect(of(report, 'reproducible-cmd').map((finding) => finding.severity)).toEqual(['error']);
    expect(of(report, 'schema-changed')).toHaveLength(1);
    expect(of(report, 'schema-changed')[0]).toMatchObject({ file: CONFIG, messageId: 'config', line: 1 });
  });

  test('bad base configuration stops the check', async () => {
    const run = check('rules:\n  reproducible-cmd: of\n', head);

    await expect(run).rejects.toBeInstanceOf(ConfigError);
    await expect(run).rejects.toThrow(`${CONFIG}:2:21: rules.reproducible-cmd: must be one of`);
  });

  test('JSON configuration is found at its default path', async () => {
    repo = createRepo();
    repo.write('.github/leaderboard-check.json', '{ "rules": { "reproducible-cmd": "off" } }\n');
    repo.write('data/a.json', json([validEntry(ID_A)]));
    const base = repo.commit('base');
    repo.write('data/a.json', json(head['data/a.json']));
    const headCommit = repo.commit('head');

    const report = await checkRepository({ repo: repo.dir, base, head: headCommit, locale: 'en', now: NOW, schema: 'builtin' });

    expect(of(report, 'reproducible-cmd')).toHaveLength(0);
  });
});

describe('suppressions', () => {
  const head = { 'data/a.json': [validEntry(ID_A), withoutCommand(ID_B), withoutCommand(ID_C)] };

  function suppress(expires?: string): string {
    const lines = ['suppressions:', '  - rule: reproducible-cmd', `    entry: ${ID_B}`, '    reason: the command was lost with the old cluster'];
    if (expires) lines.push(`    expires: ${expires}`);
    return `${lines.join('\n')}\n`;
  }

  test('suppress one entry with a reason', async () => {
    const report = await check(suppress(), head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.entryId)).toEqual([ID_C]);
  });

  test('a suppression applies up to its expiry day', async () => {
    const report = await check(suppress('2026-03-01'), head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.entryId)).toEqual([ID_C]);
  });

  test('an expired suppression no longer applies', async () => {
    const report = await check(suppress('2026-02-28'), head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.entryId).sort()).toEqual([ID_B, ID_C]);
  });

  test('a suppression names one rule only', async () => {
    const config = `suppressions:\n  - rule: schema\n    entry: ${ID_B}\n    reason: a different rule\n`;
    const report = await check(config, head);

    expect(of(report, 'reproducible-cmd')).toHaveLength(2);
  });
});

describe('overrides', () => {
  const head = {
    'data/a.json': [validEntry(ID_A), withoutCommand(ID_B)],
    'data/legacy/old.json': [withoutCommand(ID_C)],
  };

  test('turn a rule off for matching paths', async () => {
    const config = 'overrides:\n  - files: ["data/legacy/**"]\n    rules:\n      reproducible-cmd: off\n';
    const report = await check(config, head);

    expect(of(report, 'reproducible-cmd').map((finding) => finding.file)).toEqual(['data/a.json']);
  });

  test('later overrides win', async () => {
    const config = [
      'rules:',
      '  reproducible-cmd: notice',
      'overrides:',
      '  - files: ["data/**"]',
      '    rules:',
      '      reproducible-cmd: off',
      '  - files: ["data/legacy/**"]',
      '    rules:',
      '      reproducible-cmd: error',
      '',
    ].join('\n');
    const report = await check(config, head);

    expect(of(report, 'reproducible-cmd').map((finding) => [finding.file, finding.severity])).toEqual([['data/legacy/old.json', 'error']]);
  });
});

describe('rule options', () => {
  // Two of three published entries are removed: a share of 0.67.
  async function removeTwoOfThree(config: string): Promise<Report> {
    repo = createRepo();
    repo.write(CONFIG, config);
    repo.write('data/a.json', json([validEntry(ID_A), validEntry(ID_B), validEntry(ID_C)]));
    const base = repo.commit('base');
    repo.write('data/a.json', json([validEntry(ID_A)]));
    const head = repo.commit('head');
    return checkRepository({ repo: repo.dir, base, head, locale: 'en', now: NOW, schema: 'builtin' });
  }

  test.each([
    ['0.9', 'removed', 'warning'],
    ['0.5', 'removed-share', 'error'],
  ])('entries-removed with max-share %s', async (share, messageId, severity) => {
    const report = await removeTwoOfThree(`rules:\n  entries-removed:\n    max-share: ${share}\n`);

    expect(of(report, 'entries-removed').map((finding) => [finding.messageId, finding.severity])).toEqual([[messageId, severity]]);
  });
});
