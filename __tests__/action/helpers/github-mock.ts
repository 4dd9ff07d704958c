/**
 * A stateful stand-in for the GitHub REST endpoints the action calls, on
 * 127.0.0.1. It pages its lists, rejects review comments outside the diff
 * with 422 and writes with 403 in read-only mode, and checks every request
 * and response against GitHub's OpenAPI description, collecting problems in
 * `violations`.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequest, checkResponse, matchPath } from './openapi';

export interface MockFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  patch?: string;
  previous_filename?: string;
}

export interface MockPull {
  number: number;
  headSha: string;
  files: MockFile[];
  baseSha?: string;
  /** `owner/name` of the head repository; the base repository when absent. */
  headRepository?: string;
}

export interface MockOptions {
  owner: string;
  repo: string;
  pulls: MockPull[];
  /** Page size the server uses when it is smaller than the requested `per_page`, to exercise pagination. */
  pageSize?: number;
}

interface Author {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export const BOT: Author = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const PERSON: Author = { login: 'octocat', id: 583231, type: 'User' };

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  author: Author;
  createdAt: string;
  updatedAt: string;
}

export interface StoredReviewComment {
  id: number;
  reviewId: number;
  pullNumber: number;
  path: string;
  line: number;
  body: string;
  commitId: string;
}

export interface StoredReview {
  id: number;
  pullNumber: number;
  body: string;
  commitId: string;
  event: string;
  commentCount: number;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  annotations: Array<Record<string, unknown>>;
  /** Requests that carried annotations, to check the batch size. */
  annotationRequests: number[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message));
  }
}

const STAMP = '2025-01-01T00:00:00Z';

/** Head lines a review comment may sit on, read from a file's patch independently of the action's own parser. */
function diffLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (patch === undefined) return lines;
  let line = 0;
  for (const text of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
    if (header) line = Number(header[1]);
    else if (text.startsWith('+') || text.startsWith(' ')) lines.add(line++);
  }
  return lines;
}

function pathParameters(template: string, path: string): Record<string, string> {
  const values = path.split('/');
  const result: Record<string, string> = {};
  template.split('/').forEach((part, i) => {
    if (part.startsWith('{')) result[part.slice(1, -1)] = decodeURIComponent(values[i]);
  });
  return result;
}

export class GitHubMock {
  url = '';
  readonly violations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly reviews: StoredReview[] = [];
  readonly reviewComments: StoredReviewComment[] = [];
  readonly checkRuns: StoredCheckRun[] = [];
  /** When set, every write returns 403, as for the workflow token of a fork's pull request. */
  readOnly = false;
  /** When set, every review with inline comments is answered 422, as when the diff moved under them. */
  rejectInline = false;
  /** Requests answered 503 before the server behaves again. */
  failures = 0;

  private server?: Server;
  private nextId = 1000;

  constructor(private readonly options: MockOptions) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Adds an existing comment, such as one from an earlier run or a person. */
  seedComment(issueNumber: number, body: string, author: Author = PERSON): StoredComment {
    const comment = { id: this.nextId++, issueNumber, body, author, createdAt: STAMP, updatedAt: STAMP };
    this.comments.push(comment);
    return comment;
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  private user(author: Author) {
    const base = `${this.url}/users/${encodeURIComponent(author.login)}`;
    return {
      login: author.login,
      id: author.id,
      node_id: `U_${author.id}`,
      avatar_url: `https://avatars.example.invalid/u/${author.id}`,
      gravatar_id: '',
      url: base,
      html_url: `https://github.example.invalid/${encodeURIComponent(author.login)}`,
      followers_url: `${base}/followers`,
      following_url: `${base}/following{/other_user}`,
      gists_url: `${base}/gists{/gist_id}`,
      starred_url: `${base}/starred{/owner}{/repo}`,
      subscriptions_url: `${base}/subscriptions`,
      organizations_url: `${base}/orgs`,
      repos_url: `${base}/repos`,
      events_url: `${base}/events{/privacy}`,
      received_events_url: `${base}/received_events`,
      type: author.type,
      site_admin: false,
    };
  }

  private get repoUrl(): string {
    return `${this.url}/repos/${this.options.owner}/${this.options.repo}`;
  }

  private issueComment(comment: StoredComment) {
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.repoUrl}/issues/comments/${comment.id}`,
      html_url: `https://github.example.invalid/${this.options.owner}/${this.options.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${this.repoUrl}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: this.user(comment.author),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.author.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  }

  private reviewCommentJson(comment: StoredReviewComment) {
    const pullUrl = `${this.repoUrl}/pulls/${comment.pullNumber}`;
    const url = `${this.repoUrl}/pulls/comments/${comment.id}`;
    return {
      url,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      pull_request_review_id: comment.reviewId,
      diff_hunk: '@@ -1 +1 @@',
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      commit_id: comment.commitId,
      original_commit_id: comment.commitId,
      user: this.user(BOT),
      body: comment.body,
      created_at: STAMP,
      updated_at: STAMP,
      html_url: `https://github.example.invalid/pull/${comment.pullNumber}#discussion_r${comment.id}`,
      pull_request_url: pullUrl,
      author_association: 'NONE',
      _links: { self: { href: url }, html: { href: url }, pull_request: { href: pullUrl } },
    };
  }

  private checkRunJson(run: StoredCheckRun) {
    return {
      id: run.id,
      node_id: `CR_${run.id}`,
      head_sha: run.headSha,
      name: run.name,
      external_id: '',
      url: `${this.repoUrl}/check-runs/${run.id}`,
      html_url: `https://github.example.invalid/runs/${run.id}`,
      details_url: `https://github.example.invalid/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: STAMP,
      completed_at: run.status === 'completed' ? STAMP : null,
      output: { title: run.title, summary: run.summary, text: null, annotations_count: run.annotations.length, annotations_url: `${this.repoUrl}/check-runs/${run.id}/annotations` },
      check_suite: { id: 1 },
      app: null,
      pull_requests: [],
    };
  }

  private repositoryJson(fullName: string, id: number) {
    const [owner, name] = fullName.split('/');
    const api = `${this.url}/repos/${fullName}`;
    const templated: Record<string, string> = {
      archive_url: '/{archive_format}{/ref}',
      assignees_url: '/assignees{/user}',
      blobs_url: '/git/blobs{/sha}',
      branches_url: '/branches{/branch}',
      collaborators_url: '/collaborators{/collaborator}',
      comments_url: '/comments{/number}',
      commits_url: '/commits{/sha}',
      compare_url: '/compare/{base}...{head}',
      contents_url: '/contents/{+path}',
      contributors_url: '/contributors',
      deployments_url: '/deployments',
      downloads_url: '/downloads',
      events_url: '/events',
      forks_url: '/forks',
      git_commits_url: '/git/commits{/sha}',
      git_refs_url: '/git/refs{/sha}',
      git_tags_url: '/git/tags{/sha}',
      hooks_url: '/hooks',
      issue_comment_url: '/issues/comments{/number}',
      issue_events_url: '/issues/events{/number}',
      issues_url: '/issues{/number}',
      keys_url: '/keys{/key_id}',
      labels_url: '/labels{/name}',
      languages_url: '/languages',
      merges_url: '/merges',
      milestones_url: '/milestones{/number}',
      notifications_url: '/notifications{?since,all,participating}',
      pulls_url: '/pulls{/number}',
      releases_url: '/releases{/id}',
      stargazers_url: '/stargazers',
      statuses_url: '/statuses/{sha}',
      subscribers_url: '/subscribers',
      subscription_url: '/subscription',
      tags_url: '/tags',
      teams_url: '/teams',
      trees_url: '/git/trees{/sha}',
    };
    return {
      id,
      node_id: `R_${id}`,
      name,
      full_name: fullName,
      owner: this.user({ login: owner, id: id + 1, type: 'User' }),
      private: false,
      html_url: `https://github.example.invalid/${fullName}`,
      description: null,
      fork: fullName !== `${this.options.owner}/${this.options.repo}`,
      url: api,
      ...Object.fromEntries(Object.entries(templated).map(([key, suffix]) => [key, `${api}${suffix}`])),
      clone_url: `https://github.example.invalid/${fullName}.git`,
      git_url: `git://github.example.invalid/${fullName}.git`,
      ssh_url: `git@github.example.invalid:${fullName}.git`,
      svn_url: `https://github.example.invalid/${fullName}`,
      mirror_url: null,
      homepage: null,
      language: null,
      default_branch: 'main',
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers: 0,
      watchers_count: 0,
      open_issues: 0,
      open_issues_count: 0,
      size: 1,
      has_downloads: true,
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      archived: false,
      disabled: false,
      license: null,
      pushed_at: STAMP,
      created_at: STAMP,
      updated_at: STAMP,
    };
  }

  private pullJson(pull: MockPull) {
    const base = `${this.options.owner}/${this.options.repo}`;
    const head = pull.headRepository ?? base;
    const pullUrl = `${this.repoUrl}/pulls/${pull.number}`;
    const htmlUrl = `https://github.example.invalid/${base}/pull/${pull.number}`;
    const contributor = this.user({ login: head.split('/')[0], id: 7, type: 'User' });
    const link = (href: string) => ({ href });
    return {
      url: pullUrl,
      id: 9000 + pull.number,
      node_id: `PR_${pull.number}`,
      number: pull.number,
      html_url: htmlUrl,
      diff_url: `${htmlUrl}.diff`,
      patch_url: `${htmlUrl}.patch`,
      issue_url: `${this.repoUrl}/issues/${pull.number}`,
      commits_url: `${pullUrl}/commits`,
      review_comments_url: `${pullUrl}/comments`,
      review_comment_url: `${this.repoUrl}/pulls/comments{/number}`,
      comments_url: `${this.repoUrl}/issues/${pull.number}/comments`,
      statuses_url: `${this.repoUrl}/statuses/${pull.headSha}`,
      state: 'open',
      locked: false,
      title: 'Add a result',
      user: contributor,
      body: null,
      labels: [],
      milestone: null,
      assignee: null,
      created_at: STAMP,
      updated_at: STAMP,
      closed_at: null,
      merged_at: null,
      merge_commit_sha: null,
      head: { label: `${head.split('/')[0]}:new-result`, ref: 'new-result', sha: pull.headSha, user: contributor, repo: this.repositoryJson(head, 200) },
      base: { label: `${this.options.owner}:main`, ref: 'main', sha: pull.baseSha ?? '0'.repeat(40), user: this.user({ login: this.options.owner, id: 101, type: 'User' }), repo: this.repositoryJson(base, 100) },
      _links: {
        self: link(pullUrl),
        html: link(htmlUrl),
        issue: link(`${this.repoUrl}/issues/${pull.number}`),
        comments: link(`${this.repoUrl}/issues/${pull.number}/comments`),
        review_comments: link(`${pullUrl}/comments`),
        review_comment: link(`${this.repoUrl}/pulls/comments{/number}`),
        commits: link(`${pullUrl}/commits`),
        statuses: link(`${this.repoUrl}/statuses/${pull.headSha}`),
      },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      merged: false,
      mergeable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      maintainer_can_modify: false,
      comments: 0,
      review_comments: 0,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: pull.files.length,
    };
  }

  private pull(number: number): MockPull {
    const pull = this.options.pulls.find((candidate) => candidate.number === number);
    if (!pull) throw new HttpFailure(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    return pull;
  }

  private page<T>(items: T[], query: URLSearchParams, path: string, response: ServerResponse): T[] {
    const requested = Math.min(Number(query.get('per_page') ?? 30), 100);
    const size = Math.min(requested, this.options.pageSize ?? requested);
    const page = Math.max(1, Number(query.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / size));
    const link = (n: number, rel: string) => `<${this.url}${path}?per_page=${requested}&page=${n}>; rel="${rel}"`;
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    if (links.length > 0) response.setHeader('link', links.join(', '));
    return items.slice((page - 1) * size, page * size);
  }

  private requireWritable(): void {
    if (this.readOnly) throw new HttpFailure(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
  }

  private route(method: string, template: string, params: Record<string, string>, query: URLSearchParams, path: string, body: Record<string, unknown>, response: ServerResponse): [number, unknown] {
    const key = `${method} ${template}`;
    switch (key) {
      case 'GET /user':
        // The workflow token is an app installation token, which has no user.
        throw new HttpFailure(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}':
        return [200, this.pullJson(this.pull(Number(params.pull_number)))];
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': {
        const files = this.pull(Number(params.pull_number)).files.map((file, i) => ({
          sha: `${(i + 1).toString(16).padStart(40, '0')}`,
          filename: file.filename,
          status: file.status,
          additions: 1,
          deletions: 0,
          changes: 1,
          blob_url: `https://github.example.invalid/blob/${file.filename}`,
          raw_url: `https://github.example.invalid/raw/${file.filename}`,
          contents_url: `${this.repoUrl}/contents/${file.filename}`,
          ...(file.patch !== undefined ? { patch: file.patch } : {}),
          ...(file.previous_filename ? { previous_filename: file.previous_filename } : {}),
        }));
        return [200, this.page(files, query, path, response)];
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments': {
        const number = Number(params.pull_number);
        return [200, this.page(this.reviewComments.filter((comment) => comment.pullNumber === number).map((comment) => this.reviewCommentJson(comment)), query, path, response)];
      }
      case 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        this.requireWritable();
        const pull = this.pull(Number(params.pull_number));
        const comments = (body.comments as Array<{ path: string; line: number; body: string }> | undefined) ?? [];
        for (const comment of comments) {
          const file = pull.files.find((candidate) => candidate.filename === comment.path);
          if (this.rejectInline || !file || !diffLines(file.patch).has(comment.line)) {
            throw new HttpFailure(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], documentation_url: 'https://docs.github.com/rest', status: '422' });
          }
        }
        const review: StoredReview = { id: this.nextId++, pullNumber: pull.number, body: String(body.body ?? ''), commitId: String(body.commit_id ?? pull.headSha), event: String(body.event), commentCount: comments.length };
        this.reviews.push(review);
        for (const comment of comments) {
          this.reviewComments.push({ id: this.nextId++, reviewId: review.id, pullNumber: pull.number, path: comment.path, line: comment.line, body: comment.body, commitId: review.commitId });
        }
        const reviewUrl = `https://github.example.invalid/pull/${pull.number}#pullrequestreview-${review.id}`;
        return [
          200,
          {
            id: review.id,
            node_id: `PRR_${review.id}`,
            user: this.user(BOT),
            body: review.body,
            state: 'COMMENTED',
            commit_id: review.commitId,
            html_url: reviewUrl,
            pull_request_url: `${this.repoUrl}/pulls/${pull.number}`,
            author_association: 'NONE',
            _links: { html: { href: reviewUrl }, pull_request: { href: `${this.repoUrl}/pulls/${pull.number}` } },
            submitted_at: STAMP,
          },
        ];
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const number = Number(params.issue_number);
        return [200, this.page(this.comments.filter((comment) => comment.issueNumber === number).map((comment) => this.issueComment(comment)), query, path, response)];
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        this.requireWritable();
        const comment = this.seedComment(Number(params.issue_number), String(body.body), BOT);
        return [201, this.issueComment(comment)];
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        this.requireWritable();
        const comment = this.comments.find((candidate) => candidate.id === Number(params.comment_id));
        if (!comment) throw new HttpFailure(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        if (comment.author.type !== 'Bot') throw new HttpFailure(403, { message: 'Must have admin rights to Repository.', documentation_url: 'https://docs.github.com/rest' });
        comment.body = String(body.body);
        comment.updatedAt = '2025-01-02T00:00:00Z';
        return [200, this.issueComment(comment)];
      }
      case 'POST /repos/{owner}/{repo}/check-runs':
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        this.requireWritable();
        const output = (body.output as { title?: string; summary?: string; annotations?: Array<Record<string, unknown>> } | undefined) ?? {};
        const annotations = output.annotations ?? [];
        if (annotations.length > 50) throw new HttpFailure(422, { message: 'Only 50 annotations are allowed per request', documentation_url: 'https://docs.github.com/rest' });
        let run: StoredCheckRun;
        if (method === 'POST') {
          run = { id: this.nextId++, name: String(body.name), headSha: String(body.head_sha), status: 'queued', conclusion: null, title: '', summary: '', annotations: [], annotationRequests: [] };
          this.checkRuns.push(run);
        } else {
          const found = this.checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
          if (!found) throw new HttpFailure(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
          run = found;
        }
        if (typeof body.status === 'string') run.status = body.status;
        if (typeof body.conclusion === 'string') {
          run.conclusion = body.conclusion;
          run.status = 'completed';
        }
        if (output.title !== undefined) run.title = output.title;
        if (output.summary !== undefined) run.summary = output.summary;
        run.annotations.push(...annotations);
        if (annotations.length > 0) run.annotationRequests.push(annotations.length);
        return [method === 'POST' ? 201 : 200, this.checkRunJson(run)];
      }
      default:
        throw new HttpFailure(404, { message: `the mock does not serve ${key}`, documentation_url: 'https://docs.github.com/rest' });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    let status = 500;
    let payload: unknown;

    try {
      if (this.failures > 0) {
        this.failures--;
        throw new HttpFailure(503, { message: 'Service Unavailable' });
      }
      if (!request.headers.authorization) throw new HttpFailure(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });

      const template = matchPath(method, url.pathname);
      if (!template) {
        this.violations.push(`${method} ${url.pathname} is not an operation of the description`);
        throw new HttpFailure(404, { message: 'Not Found' });
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
      const problems = checkRequest(method, template, body);
      if (problems.length > 0) {
        this.violations.push(...problems);
        throw new HttpFailure(422, { message: 'Invalid request', errors: problems });
      }
      [status, payload] = this.route(method, template, pathParameters(template, url.pathname), url.searchParams, url.pathname, body ?? {}, response);
      this.violations.push(...checkResponse(method, template, status, payload));
    } catch (error) {
      if (error instanceof HttpFailure) {
        status = error.status;
        payload = error.body;
      } else {
        status = 500;
        payload = { message: error instanceof Error ? error.message : String(error) };
        this.violations.push(`mock failed on ${method} ${url.pathname}: ${String(payload)}`);
      }
    }

    this.requests.push({ method, path: url.pathname, status });
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(payload));
  }
}
