/** The one summary comment per pull request, found by a hidden marker and updated in place. */

import type { Client } from '../client';
import type { Repository } from './repository';

export const STICKY_MARKER = '<!-- leaderboard-check:summary -->';

export interface IssueComment {
  id: number;
  body?: string;
  user?: { type?: string } | null;
}

/**
 * Picks the comment to update: one whose body starts with the marker,
 * preferring those written by a bot (the workflow token's identity), so a
 * person quoting the marker does not take its place.
 */
export function findMarkedComment(comments: readonly IssueComment[], marker: string = STICKY_MARKER): IssueComment | undefined {
  const marked = comments.filter((comment) => comment.body?.startsWith(marker));
  return marked.find((comment) => comment.user?.type === 'Bot') ?? marked[0];
}

export type StickyResult = 'created' | 'updated' | 'skipped';

/**
 * Updates the marked comment, or creates it when `create` allows. Every page
 * of comments is read, since on a busy pull request the marked one may be
 * far back.
 */
export async function upsertStickyComment(client: Client, repository: Repository, issueNumber: number, body: string, create: boolean): Promise<StickyResult> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: issueNumber, per_page: 100 });
  const existing = findMarkedComment(comments);
  if (existing) {
    await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body });
    return 'updated';
  }
  if (!create) return 'skipped';
  await client.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
  return 'created';
}
