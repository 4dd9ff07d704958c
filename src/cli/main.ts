/** The command-line program: parse options, run the check, print, and exit with 0, 1 or 2. */

import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRepository } from '../core/check';
import { ConfigError } from '../core/errors';
import type { Locale, Report } from '../core/types';
import { t } from '../i18n/strings';
import { renderJson } from '../report/json';
import { COMMENT_LIMIT, measureUtf16, renderMarkdown } from '../report/markdown';
import { renderSarif } from '../report/sarif';
import { renderText } from '../report/text';
import { annotationCommand } from '../report/workflow-commands';
import { findRule, RULES } from '../rules';
import { HELP } from './help';
import { parseCliOptions, type CliOptions, type FailOn } from './options';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export { VERSION } from '../version';
import { VERSION } from '../version';

export function exitCodeFor(report: Report, failOn: FailOn): number {
  const { errors, warnings } = report.summary;
  if (failOn === 'never') return 0;
  if (failOn === 'warning') return errors + warnings > 0 ? 1 : 0;
  return errors > 0 ? 1 : 0;
}

function listRules(locale: Locale): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  const lines = [t(locale, 'rules.header', { count: RULES.length })];
  for (const rule of RULES) {
    lines.push(`  ${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.description[locale]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a rule's docs page, shipped next to the bundle under docs/rules. */
function explainRule(id: string, locale: Locale): string {
  if (!findRule(id)) throw new ConfigError('unknown-rule', { id });
  const name = locale === 'en' ? `${id}.md` : `${id}.${locale}.md`;
  for (const directory of [join(__dirname, '..', '..', 'docs', 'rules'), join(__dirname, '..', 'docs', 'rules')]) {
    try {
      return readFileSync(join(directory, name), 'utf8');
    } catch {
      continue;
    }
  }
  throw new ConfigError('docs-not-found', { name });
}

async function writeOutput(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError('output-failed', { path, reason });
  }
}

async function runCheck(options: CliOptions, io: Io): Promise<number> {
  const report = await checkRepository({
    repo: options.repo,
    base: options.base,
    head: options.head,
    staged: options.staged,
    all: options.all,
    files: options.files,
    exclude: options.exclude,
    schema: options.schema,
    config: options.config,
    locale: options.locale,
    labels: options.labels,
    allowLocalSchema: true,
  });
  const code = exitCodeFor(report, options.failOn);
  const text = render(report, options, code);
  if (options.output) await writeOutput(options.output, text);
  else io.stdout(text);
  return code;
}

function render(report: Report, options: CliOptions, code: number): string {
  switch (options.format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { version: VERSION });
    case 'markdown':
      // Cut like the Action's sticky comment, since a pull request comment is what this format is for.
      return renderMarkdown(report, { failed: code === 1, maxSize: COMMENT_LIMIT, measure: measureUtf16 });
    case 'github':
      return report.findings.map((finding) => `${annotationCommand(finding)}\n`).join('');
    default:
      return renderText(report, { color: options.color && !options.output });
  }
}

function requestedLocale(argv: string[], env: NodeJS.ProcessEnv): Locale {
  const index = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const value = index < 0 ? env.LEADERBOARD_CHECK_LOCALE : argv[index].includes('=') ? argv[index].slice('--locale='.length) : argv[index + 1];
  return value === 'zh-CN' ? 'zh-CN' : 'en';
}

export async function main(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env, isTty = false): Promise<number> {
  // The locale is looked up before parsing, so an error in the other options is in the requested language too.
  let locale: Locale = requestedLocale(argv, env);
  try {
    const options = parseCliOptions(argv, env, isTty);
    locale = options.locale;
    switch (options.command) {
      case 'help':
        io.stdout(HELP[locale]);
        return 0;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return 0;
      case 'rules':
        io.stdout(listRules(locale));
        return 0;
      case 'explain':
        io.stdout(explainRule(options.rule as string, locale));
        return 0;
      default:
        return await runCheck(options, io);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`${t(locale, 'cli.failed', { message: error.localized(locale) })}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${t(locale, 'cli.internal', { message })}\n`);
    return 2;
  }
}
