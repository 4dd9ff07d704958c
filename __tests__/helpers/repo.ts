/** Temporary git repositories for end-to-end tests of the engine. */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkRepository, type CheckOptions } from '../../src/core/check';
import type { Finding, Report } from '../../src/core/types';

export type Files = Record<string, string | null>;

export class TempRepo {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'lbc-test-'));
    this.git('init', '--quiet', '--initial-branch=main');
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.dir,
      encoding: 'utf8',
    });
  }

  /** Writes files (null deletes) without committing. */
  write(files: Files): void {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (content === null) {
        unlinkSync(full);
        continue;
      }
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }

  writeBytes(path: string, bytes: Uint8Array): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }

  /** Writes files, commits them and returns the commit id. */
  commit(files: Files, message = 'change'): string {
    this.write(files);
    this.git('add', '-A');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function example(name: 'single_gpu' | 'multi_gpu' | 'multi_node'): any {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', `${name}.json`), 'utf8'));
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Commits `base`, then `head`, and checks head against base with the built-in schema unless told otherwise. */
export async function checkChange(base: Files, head: Files, options: Partial<CheckOptions> = {}): Promise<Report> {
  const repo = new TempRepo();
  try {
    const baseCommit = repo.commit(base, 'base');
    const headCommit = repo.commit(head, 'head');
    return await checkRepository({ repo: repo.dir, base: baseCommit, head: headCommit, locale: 'en', schema: 'builtin', now: new Date('2026-06-01T00:00:00Z'), ...options });
  } finally {
    repo.cleanup();
  }
}

export function byRule(report: Report, ruleId: string): Finding[] {
  return report.findings.filter((finding) => finding.ruleId === ruleId);
}

/** Returns the 1-based line of the first occurrence of `needle` in `text`, for expected positions. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
  }
  return text.slice(0, index).split('\n').length;
}
