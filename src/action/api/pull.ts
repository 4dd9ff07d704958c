/** The pull request itself, read to compare its head with the commit a hand-over file claims. */

import type { Client } from '../client';
import type { Repository } from './repository';

export interface PullRequestState {
  headSha: string;
  changedFiles: number;
  /** `owner/name` of the head repository; null when the fork was deleted. */
  headRepository: string | null;
}

/** Returns the pull request's current head, or undefined when the repository has no pull request of that number. */
export async function getPullRequest(client: Client, repository: Repository, pullNumber: number): Promise<PullRequestState | undefined> {
  try {
    const { data } = await client.rest.pulls.get({ ...repository, pull_number: pullNumber });
    return { headSha: data.head.sha, changedFiles: data.changed_files, headRepository: data.head.repo?.full_name ?? null };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
