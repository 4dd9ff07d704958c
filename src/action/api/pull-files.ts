/** The pull request's changed files with their patches, through every page of the list. */

import type { Client } from '../client';
import type { Repository } from './repository';

export interface PullFile {
  filename: string;
  status: string;
  previousFilename?: string;
  /** Missing when GitHub does not render the file's diff (binary or too large). */
  patch?: string;
}

export interface PullFiles {
  files: PullFile[];
  /** Whether the list has as many files as the pull request's `changed_files`. The endpoint stops at 3,000. */
  complete: boolean;
  expected?: number;
}

/** The endpoint returns at most 3,000 files however many pages are read. */
const LIST_LIMIT = 3000;

export async function listPullFiles(client: Client, repository: Repository, pullNumber: number, expected?: number): Promise<PullFiles> {
  const listed = await client.paginate(client.rest.pulls.listFiles, { ...repository, pull_number: pullNumber, per_page: 100 });
  const files = listed.map((file) => ({ filename: file.filename, status: file.status, previousFilename: file.previous_filename, patch: file.patch }));
  const complete = expected === undefined ? files.length < LIST_LIMIT : files.length >= expected;
  return { files, complete, expected };
}
