/** Command-line arguments, read once into a typed options object. */

import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors';
import { LOCALES, type Locale } from '../core/types';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'github';
export type FailOn = 'error' | 'warning' | 'never';

export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'github'];
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

export interface CliOptions {
  command: 'check' | 'rules' | 'explain' | 'help' | 'version';
  /** The rule id for `explain`. */
  rule?: string;
  repo: string;
  base?: string;
  head?: string;
  staged: boolean;
  all: boolean;
  files: string[];
  exclude: string[];
  schema?: string;
  config?: string;
  format: Format;
  output?: string;
  failOn: FailOn;
  locale: Locale;
  labels: string[];
  color: boolean;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError('option-invalid', { name, value: JSON.stringify(value), allowed: allowed.join(', ') });
}

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        staged: { type: 'boolean' },
        all: { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        schema: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        locale: { type: 'string' },
        repo: { type: 'string', short: 'C' },
        label: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new ConfigError('option-parse', { detail: error instanceof Error ? error.message : String(error) });
  }
  const values = parsed.values;
  const positionals = [...parsed.positionals];

  let command: CliOptions['command'] = 'check';
  let rule: string | undefined;
  if (values.help) command = 'help';
  else if (values.version) command = 'version';
  else if (positionals[0] === 'rules') {
    command = 'rules';
    positionals.shift();
  } else if (positionals[0] === 'explain') {
    command = 'explain';
    positionals.shift();
    rule = positionals.shift();
    if (!rule) throw new ConfigError('explain-needs-rule');
  } else if (positionals[0] === 'check') {
    positionals.shift();
  }
  if ((command === 'rules' || command === 'explain') && positionals.length > 0) {
    throw new ConfigError('unexpected-argument', { argument: positionals[0], command });
  }
  const emptyGlob = positionals.find((glob) => glob.trim() === '');
  if (emptyGlob !== undefined) throw new ConfigError('empty-glob');

  if (values.staged && values.head !== undefined) throw new ConfigError('staged-and-head');
  if (values.all && values.base !== undefined) throw new ConfigError('all-and-base');

  const localeSetting = values.locale ?? env.LEADERBOARD_CHECK_LOCALE;
  const color = values['no-color'] ? false : values.color ? true : isTty && env.NO_COLOR === undefined;
  return {
    command,
    rule,
    repo: values.repo ?? process.cwd(),
    base: values.base,
    head: values.head,
    staged: values.staged ?? false,
    all: values.all ?? false,
    files: positionals,
    exclude: values.exclude ?? [],
    schema: values.schema,
    config: values.config,
    format: oneOf('format', values.format, FORMATS, 'text'),
    output: values.output,
    failOn: oneOf('fail-on', values['fail-on'], FAIL_ON, 'error'),
    locale: oneOf('locale', localeSetting, LOCALES, 'en'),
    labels: values.label ?? [],
    color,
  };
}
