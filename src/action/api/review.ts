/** One pull request review per run, with inline comments only on lines the diff shows. */

import { createHash } from 'node:crypto';
import type { Finding } from '../../core/types';
import { escapeMarkdown } from '../../report/markdown';
import type { Client } from '../client';
import type { Repository } from './repository';

export interface InlineComment {
  path: string;
  line: number;
  body: string;
}

const FINGERPRINT = /<!-- leaderboard-check:finding:([0-9a-f]{16}) -->/;

/** Computes an id of a finding that is stable across runs. It is hidden in the comment, so a later run does not post it again. */
export function fingerprint(finding: Finding): string {
  return createHash('sha256').update([finding.ruleId, finding.file, finding.pointer, finding.messageId, finding.message].join('\u0000')).digest('hex').slice(0, 16);
}

export function commentBody(finding: Finding): string {
  return `<!-- leaderboard-check:finding:${fingerprint(finding)} -->\n**${finding.severity}** \`${finding.ruleId}\`: ${escapeMarkdown(finding.message, 2000)}`;
}

export function fingerprintOf(body: string | undefined): string | undefined {
  return body ? FINGERPRINT.exec(body)?.[1] : undefined;
}

export interface InlinePlan {
  comments: InlineComment[];
  /** Findings on commentable lines that did not fit the bound. */
  overflow: number;
}

/**
 * Picks the findings that can be inline comments: on a line the diff shows,
 * not posted by an earlier run (even when that comment is now outdated), and
 * at most `max`, in the order given.
 */
export function planInlineComments(ranked: readonly Finding[], commentable: ReadonlyMap<string, ReadonlySet<number>>, posted: ReadonlySet<string>, max: number): InlinePlan {
  const comments: InlineComment[] = [];
  const seen = new Set<string>();
  let overflow = 0;
  for (const finding of ranked) {
    if (!commentable.get(finding.file)?.has(finding.line)) continue;
    const id = fingerprint(finding);
    if (posted.has(id) || seen.has(id)) continue;
    seen.add(id);
    if (comments.length >= max) {
      overflow++;
      continue;
    }
    comments.push({ path: finding.file, line: finding.line, body: commentBody(finding) });
  }
  return { comments, overflow };
}

/** Fingerprints of the review comments earlier runs left on the pull request, read from every page. */
export async function listPostedFingerprints(client: Client, repository: Repository, pullNumber: number): Promise<Set<string>> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, { ...repository, pull_number: pullNumber, per_page: 100 });
  const result = new Set<string>();
  for (const comment of comments) {
    const id = fingerprintOf(comment.body);
    if (id) result.add(id);
  }
  return result;
}

export interface ReviewContent {
  headSha: string;
  body: string;
  comments: InlineComment[];
  /** Body used when GitHub rejects the inline comments, listing them instead. */
  fallbackBody: string;
}

/**
 * Posts the review. A 422 (a line GitHub does not consider part of the diff)
 * is retried once as a review without inline comments, so the findings still
 * reach the pull request. Returns whether the inline comments were kept.
 */
export async function postReview(client: Client, repository: Repository, pullNumber: number, review: ReviewContent): Promise<'inline' | 'body-only'> {
  const request = { ...repository, pull_number: pullNumber, commit_id: review.headSha, event: 'COMMENT' as const };
  try {
    await client.rest.pulls.createReview({ ...request, body: review.body, comments: review.comments.map((comment) => ({ ...comment, side: 'RIGHT' as const })) });
    return 'inline';
  } catch (error) {
    if ((error as { status?: number }).status !== 422 || review.comments.length === 0) throw error;
  }
  await client.rest.pulls.createReview({ ...request, body: review.fallbackBody });
  return 'body-only';
}
