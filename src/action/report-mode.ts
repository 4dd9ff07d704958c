/**
 * Mode `report`: the privileged half of the fork setup. It runs on the
 * `workflow_run` event and reads the hand-over file the pull request's own
 * run uploaded. It accepts the file only when it is well formed, names this
 * repository, and belongs to the commit that run checked. That commit must
 * still be the pull request's head on GitHub.
 */

import { lstat, readFile } from 'node:fs/promises';
import { ConfigError } from '../core/errors';
import type { Locale } from '../core/types';
import { t } from '../i18n/strings';
import { errorMessage } from './api/errors';
import { getPullRequest } from './api/pull';
import type { Repository } from './api/repository';
import type { Client } from './client';
import type { PullRequestTarget } from './event';
import { checkHandoverOrigin, MAX_HANDOVER_BYTES, parseHandover, type Handover } from './handover';
import { InvalidField } from './strict-json';

export type WorkflowRunPlan = { kind: 'report'; runHeadSha: string } | { kind: 'nothing'; reason: string };

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);
}

/**
 * Reads the triggering run from the `workflow_run` payload, which GitHub
 * writes and the pull request cannot change. Its `head_sha` is the commit
 * the hand-over file must belong to.
 */
export function planWorkflowRun(eventName: string, payload: Record<string, unknown>, repository: string, locale: Locale): WorkflowRunPlan {
  if (eventName !== 'workflow_run') throw new ConfigError(t(locale, 'action.mode-report-event', { event: eventName }));
  const run = payload.workflow_run as { head_sha?: unknown; event?: unknown; repository?: { full_name?: unknown } } | undefined;
  if (!run || !isSha(run.head_sha) || typeof run.event !== 'string') throw new ConfigError(t(locale, 'action.workflow-run-payload'));
  if (run.repository?.full_name !== undefined && run.repository.full_name !== repository) {
    throw new ConfigError(t(locale, 'action.workflow-run-repository', { found: String(run.repository.full_name), expected: repository }));
  }
  if (run.event !== 'pull_request') return { kind: 'nothing', reason: t(locale, 'action.report-not-pull-request', { event: run.event }) };
  return { kind: 'report', runHeadSha: run.head_sha };
}

function rejected(path: string, locale: Locale, problem: InvalidField): ConfigError {
  return new ConfigError(t(locale, 'action.handover-rejected', { path, reason: t(locale, problem.id, problem.data) }));
}

async function readHandoverText(path: string): Promise<string> {
  const stats = await lstat(path);
  // A symbolic link could point anywhere on the runner, so only a regular file is read.
  if (!stats.isFile()) throw new InvalidField('handover.not-file', {});
  if (stats.size > MAX_HANDOVER_BYTES) throw new InvalidField('handover.too-large', { size: stats.size, max: MAX_HANDOVER_BYTES });
  const bytes = await readFile(path);
  if (bytes.length > MAX_HANDOVER_BYTES) throw new InvalidField('handover.too-large', { size: bytes.length, max: MAX_HANDOVER_BYTES });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidField('handover.not-utf8', {});
  }
}

/**
 * Reads and checks the hand-over file. Every problem becomes one
 * `ConfigError` that names the file and the first field at fault.
 */
export async function loadHandover(path: string, repository: Repository, runHeadSha: string, locale: Locale): Promise<Handover> {
  try {
    const handover = parseHandover(await readHandoverText(path));
    checkHandoverOrigin(handover, { repository: `${repository.owner}/${repository.repo}`, runHeadSha });
    return handover;
  } catch (error) {
    if (error instanceof InvalidField) throw rejected(path, locale, error);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError(t(locale, 'action.handover-missing', { path }));
    throw error;
  }
}

/**
 * Confirms on GitHub that the pull request's head is still the commit the
 * uploading run checked. This ties the file's pull request number to that
 * run: a number taken from another pull request has another head.
 */
export async function confirmPullRequest(client: Client, repository: Repository, handover: Handover, runHeadSha: string, path: string, locale: Locale): Promise<PullRequestTarget> {
  const number = handover.pullRequest.number;
  let pull;
  try {
    pull = await getPullRequest(client, repository, number);
  } catch (error) {
    throw new ConfigError(t(locale, 'action.pull-unreadable', { number, message: errorMessage(error) }));
  }
  if (!pull) throw rejected(path, locale, new InvalidField('handover.pull-missing', { number, repository: `${repository.owner}/${repository.repo}` }));
  if (pull.headSha !== runHeadSha) throw rejected(path, locale, new InvalidField('handover.pull-head', { number, actual: pull.headSha, expected: runHeadSha }));

  return {
    number,
    headSha: pull.headSha,
    changedFiles: pull.changedFiles,
    labels: [],
    fromFork: pull.headRepository !== `${repository.owner}/${repository.repo}`,
  };
}
