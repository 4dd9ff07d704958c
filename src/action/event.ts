/** Turning the triggering event's payload into the revisions to compare and the pull request to report on. */

import { ConfigError } from '../core/errors';
import { t } from '../i18n/strings';
import type { Locale } from '../core/types';

export interface PullRequestTarget {
  number: number;
  /** The head commit, which review comments and check runs attach to. */
  headSha: string;
  /** The pull request's own count of changed files, to cross-check the paginated list. */
  changedFiles?: number;
  labels: string[];
  /** Whether the head lives in another repository, or in one that was deleted. */
  fromFork: boolean;
}

export type EventPlan =
  | {
      kind: 'compare';
      base: string;
      head: string;
      /** Compare from the merge base of base and head, as the pull request's diff does, instead of from base itself. */
      useMergeBase: boolean;
      pullRequest?: PullRequestTarget;
      /** Reason writes to the pull request would fail, known before any request. */
      readOnly?: 'fork';
    }
  | { kind: 'all'; head: string }
  | { kind: 'nothing'; reason: string };

const NULL_SHA = /^0{40}$/;

interface PullRequestPayload {
  number: number;
  changed_files?: number;
  labels?: Array<{ name?: string }>;
  base: { sha: string; repo: { full_name: string } };
  head: { sha: string; repo: { full_name: string } | null };
}

function asPullRequest(payload: Record<string, unknown>): PullRequestPayload {
  const pullRequest = payload.pull_request as PullRequestPayload | undefined;
  if (!pullRequest || typeof pullRequest.head?.sha !== 'string' || typeof pullRequest.base?.sha !== 'string') {
    throw new ConfigError('the event payload has no pull_request with base and head commits.');
  }
  return pullRequest;
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);
}

/**
 * Plans the check for an event. `pull_request_target` runs with a token that
 * can write even for forks, and is safe here because the head is only read
 * as data (see docs/action.md).
 */
export function planEvent(eventName: string, payload: Record<string, unknown>, sha: string, locale: Locale): EventPlan {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pullRequest = asPullRequest(payload);
      // A deleted fork leaves head.repo null; its commits stay readable through refs/pull/N/head.
      const fromFork = pullRequest.head.repo === null || pullRequest.head.repo.full_name !== pullRequest.base.repo.full_name;
      return {
        kind: 'compare',
        base: pullRequest.base.sha,
        head: pullRequest.head.sha,
        useMergeBase: true,
        pullRequest: {
          number: pullRequest.number,
          headSha: pullRequest.head.sha,
          changedFiles: pullRequest.changed_files,
          labels: (pullRequest.labels ?? []).map((label) => label.name).filter((name): name is string => typeof name === 'string'),
          fromFork,
        },
        readOnly: eventName === 'pull_request' && fromFork ? 'fork' : undefined,
      };
    }
    case 'push': {
      const before = payload.before;
      const after = payload.after;
      if (payload.deleted === true || (typeof after === 'string' && NULL_SHA.test(after))) return { kind: 'nothing', reason: t(locale, 'action.branch-deleted') };
      const head = isSha(after) ? after : sha;
      // A new branch has no "before": every data file is checked.
      if (!isSha(before) || NULL_SHA.test(before)) return { kind: 'all', head };
      return { kind: 'compare', base: before, head, useMergeBase: false };
    }
    case 'merge_group': {
      const group = payload.merge_group as { base_sha?: unknown; head_sha?: unknown } | undefined;
      if (!group || !isSha(group.base_sha) || !isSha(group.head_sha)) throw new ConfigError('the merge_group payload has no base_sha and head_sha.');
      return { kind: 'compare', base: group.base_sha, head: group.head_sha, useMergeBase: false };
    }
    case 'workflow_dispatch':
    case 'schedule':
      return { kind: 'all', head: sha };
    default:
      throw new ConfigError(t(locale, 'action.event-unsupported', { event: eventName }));
  }
}
