/** The one summary comment per pull request, found by a hidden marker and updated in place. */

import type { Client } from '../client';
import type { Repository } from './repository';

export const STICKY_MARKER = '<!-- leaderboard-check:summary -->';

export interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string; type?: string } | null;
}

/**
 * Picks the comment to update: the first whose body starts with the marker
 * and whose author is the token's identity, so a person quoting the marker
 * never has their comment overwritten. `login` is the identity of a personal
 * token; undefined means an app token such as the workflow token, whose
 * comments are written by a bot.
 */
export function findMarkedComment(comments: readonly IssueComment[], login: string | undefined, marker: string = STICKY_MARKER): IssueComment | undefined {
  return comments.find((comment) => comment.body?.startsWith(marker) && (login === undefined ? comment.user?.type === 'Bot' : comment.user?.login === login));
}

/** Returns the login of a personal token, or undefined for an app token, for which `GET /user` returns 403. */
export async function tokenLogin(client: Client): Promise<string | undefined> {
  try {
    return (await client.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 401) return undefined;
    throw error;
  }
}

export type StickyResult = 'created' | 'updated' | 'skipped';

/**
 * Updates the marked comment, or creates it when `create` allows. Every page
 * of comments is read, since on a busy pull request the marked one may be
 * far back.
 */
export async function upsertStickyComment(client: Client, repository: Repository, issueNumber: number, body: string, create: boolean): Promise<StickyResult> {
  const login = await tokenLogin(client);
  const comments = await client.paginate(client.rest.issues.listComments, { ...repository, issue_number: issueNumber, per_page: 100 });
  const existing = findMarkedComment(comments, login);
  if (existing) {
    await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body });
    return 'updated';
  }
  if (!create) return 'skipped';
  await client.rest.issues.createComment({ ...repository, issue_number: issueNumber, body });
  return 'created';
}
