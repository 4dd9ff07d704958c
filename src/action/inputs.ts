/** The action's inputs and runner environment, read and validated once into a frozen options object. */

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors';
import { LOCALES, type Locale } from '../core/types';
import { t } from '../i18n/strings';
import { HANDOVER_FILE_NAME } from './handover';

export type FailOn = 'error' | 'warning' | 'never';
export type CommentMode = 'always' | 'on-findings' | 'never';
/** `check` checks the checkout; `report` posts the hand-over file of an earlier `check` run, from a `workflow_run` workflow. */
export type Mode = 'check' | 'report';

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
export const COMMENT_MODES: readonly CommentMode[] = ['always', 'on-findings', 'never'];
export const MODES: readonly Mode[] = ['check', 'report'];
/** Upper bound of `review-comments`, so one run cannot flood a pull request. */
export const MAX_REVIEW_COMMENTS = 50;

export interface ActionOptions {
  mode: Mode;
  /** The hand-over file `report` mode reads; set whenever the mode is `report`. */
  reportFile?: string;
  token: string;
  /** Globs that replace the configured data file selection; empty keeps it. */
  files: readonly string[];
  /** Globs added to the configured exclusions. */
  exclude: readonly string[];
  /** A schema path at base, or `builtin`; undefined keeps the configured one. */
  schema?: string;
  /** A configuration path at base; undefined looks in the default places. */
  config?: string;
  failOn: FailOn;
  locale: Locale;
  comment: CommentMode;
  /** Maximum number of inline review comments per run; 0 turns the review off. */
  reviewComments: number;
  annotations: boolean;

  /** The checkout, from GITHUB_WORKSPACE. */
  workspace: string;
  /** `owner/name`, from GITHUB_REPOSITORY. */
  repository: { owner: string; repo: string };
  eventName: string;
  eventPath: string;
  /** The commit the workflow runs on, from GITHUB_SHA. */
  sha: string;
  apiUrl: string;
  /** Path of the full JSON report. */
  reportPath: string;
  /** Path where `check` mode writes the hand-over file on a pull request. */
  handoverPath: string;
}

export type InputReader = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(t('en', 'action.input-invalid', { name, value: JSON.stringify(value), allowed: allowed.join(', ') }));
}

function booleanInput(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ConfigError(t('en', 'action.input-invalid', { name, value: JSON.stringify(value), allowed: 'true, false' }));
}

function countInput(name: string, value: string, fallback: number, max: number): number {
  if (value === '') return fallback;
  if (/^\d+$/.test(value) && Number(value) <= max) return Number(value);
  throw new ConfigError(t('en', 'action.input-invalid', { name, value: JSON.stringify(value), allowed: `a whole number from 0 to ${max}` }));
}

/** Splits a list input on newlines, as `core.getMultilineInput` does; commas stay, since globs use them in `{a,b}`. */
function listInput(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new ConfigError(`the runner variable ${name} is not set: run this action in a GitHub Actions job.`);
  return value;
}

/**
 * Reads every input and runner variable the action uses. `read` returns an
 * input's trimmed value or '' (as `core.getInput` does), so tests can pass a map.
 */
export function readOptions(read: InputReader, env: NodeJS.ProcessEnv): Readonly<ActionOptions> {
  const locale = oneOf('locale', read('locale'), LOCALES, 'en');

  const [owner, repo, ...rest] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || rest.length > 0) throw new ConfigError(`GITHUB_REPOSITORY ${JSON.stringify(env.GITHUB_REPOSITORY)} is not of the form owner/name.`);

  const mode = oneOf('mode', read('mode'), MODES, 'check');
  const reportFile = read('report-file') || undefined;
  if (mode === 'report' && reportFile === undefined) throw new ConfigError(t(locale, 'action.report-file-required'));

  const temp = env.RUNNER_TEMP || tmpdir();
  const step = (env.GITHUB_ACTION || 'step').replace(/[^\w.-]/g, '_');
  const options: ActionOptions = {
    mode,
    reportFile,
    token: read('github-token'),
    files: listInput(read('files')),
    exclude: listInput(read('exclude')),
    schema: read('schema') || undefined,
    config: read('config') || undefined,
    failOn: oneOf('fail-on', read('fail-on'), FAIL_ON, 'error'),
    locale,
    comment: oneOf('comment', read('comment'), COMMENT_MODES, 'on-findings'),
    reviewComments: countInput('review-comments', read('review-comments'), 20, MAX_REVIEW_COMMENTS),
    annotations: booleanInput('annotations', read('annotations'), true),
    workspace: required(env, 'GITHUB_WORKSPACE'),
    repository: { owner, repo },
    eventName: required(env, 'GITHUB_EVENT_NAME'),
    eventPath: required(env, 'GITHUB_EVENT_PATH'),
    sha: required(env, 'GITHUB_SHA'),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    reportPath: join(temp, 'leaderboard-check', `report-${step}.json`),
    // A directory per step keeps the file name fixed, which is the name the report workflow finds in the artifact.
    handoverPath: join(temp, 'leaderboard-check', `handover-${step}`, HANDOVER_FILE_NAME),
  };
  return Object.freeze(options);
}
