/** The API adapters with a real Octokit client (retry and throttling plugins) against the mock on 127.0.0.1. */

import { publishCheckRun } from '../../src/action/api/check-run';
import { listPullFiles } from '../../src/action/api/pull-files';
import { postReview } from '../../src/action/api/review';
import { STICKY_MARKER, upsertStickyComment } from '../../src/action/api/sticky-comment';
import { createClient, type Client } from '../../src/action/client';
import { GitHubMock } from './helpers/github-mock';

const repository = { owner: 'o', repo: 'r' };
const headSha = 'b'.repeat(40);
const patch = '@@ -1,2 +1,3 @@\n [\n+  1,\n   2';

let mock: GitHubMock;
let client: Client;

beforeEach(async () => {
  mock = new GitHubMock({
    ...repository,
    pageSize: 2,
    pulls: [{ number: 1, headSha, files: Array.from({ length: 5 }, (_, i) => ({ filename: `data/f${i}.json`, status: 'modified' as const, patch })) }],
  });
  await mock.start();
  client = createClient('ghs_test', mock.url);
});

afterEach(async () => {
  await mock.stop();
  expect(mock.violations).toEqual([]);
});

test('pull files are read from every page', async () => {
  const files = await listPullFiles(client, repository, 1, 5);
  expect(files.files.map((file) => file.filename)).toEqual(['data/f0.json', 'data/f1.json', 'data/f2.json', 'data/f3.json', 'data/f4.json']);
  expect(files.complete).toBe(true);
  expect(mock.requests.filter((request) => request.path.endsWith('/files'))).toHaveLength(3);
});

test('pull files shorter than changed_files are incomplete', async () => {
  expect((await listPullFiles(client, repository, 1, 3001)).complete).toBe(false);
});

test('check run annotations go in batches of 50', async () => {
  const annotations = Array.from({ length: 120 }, (_, i) => ({ path: 'data/f0.json', start_line: i + 1, end_line: i + 1, annotation_level: 'failure' as const, title: 'schema', message: 'm' }));
  await publishCheckRun(client, repository, { name: 'leaderboard-check', headSha, failed: true, title: 't', summary: 's', annotations });
  expect(mock.checkRuns).toHaveLength(1);
  expect(mock.checkRuns[0].annotationRequests).toEqual([50, 50, 20]);
  expect(mock.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
});

test('rejected inline review is retried as a body', async () => {
  mock.rejectInline = true;
  const kept = await postReview(client, repository, 1, { headSha, body: 'b', comments: [{ path: 'data/f0.json', line: 2, body: 'c' }], fallbackBody: 'listed' });
  expect(kept).toBe('body-only');
  expect(mock.reviews.map((review) => review.body)).toEqual(['listed']);
  expect(mock.reviewComments).toEqual([]);
});

test('review comment outside the diff gets 422 from the mock', async () => {
  await expect(client.rest.pulls.createReview({ ...repository, pull_number: 1, commit_id: headSha, event: 'COMMENT', body: 'b', comments: [{ path: 'data/f0.json', line: 40, body: 'c' }] })).rejects.toMatchObject({ status: 422 });
});

test('sticky comment on a later page is updated in place', async () => {
  for (let i = 0; i < 5; i++) mock.seedComment(1, `comment ${i}`);
  await upsertStickyComment(client, repository, 1, `${STICKY_MARKER}\nfirst`, true);
  for (let i = 0; i < 5; i++) mock.seedComment(1, `later ${i}`);
  const result = await upsertStickyComment(client, repository, 1, `${STICKY_MARKER}\nsecond`, false);
  expect(result).toBe('updated');
  const sticky = mock.comments.filter((comment) => comment.body.startsWith(STICKY_MARKER));
  expect(sticky.map((comment) => comment.body)).toEqual([`${STICKY_MARKER}\nsecond`]);
});

test('missing sticky comment is not created when not asked', async () => {
  expect(await upsertStickyComment(client, repository, 1, `${STICKY_MARKER}\nclean`, false)).toBe('skipped');
  expect(mock.comments).toEqual([]);
});

test('a transient 503 is retried', async () => {
  mock.failures = 1;
  const files = await listPullFiles(client, repository, 1, 5);
  expect(files.files).toHaveLength(5);
  expect(mock.requests[0].status).toBe(503);
});
