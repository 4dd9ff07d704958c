/**
 * Publishing a report to GitHub: check run annotations (or workflow commands
 * when the token cannot create check runs), one review and the sticky
 * comment. A read-only token skips the writes with one warning; GitHub out of
 * reach is reported once at the end.
 */

import * as core from '@actions/core';
import type { Finding, Locale, Report } from '../core/types';
import { t } from '../i18n/strings';
import { escapeMarkdown, measureUtf16, renderMarkdown } from '../report/markdown';
import { annotationCommand, workflowCommand } from '../report/workflow-commands';
import { CHECK_SUMMARY_LIMIT, publishCheckRun, toAnnotation } from './api/check-run';
import { errorMessage, isForbidden, isUnreachable } from './api/errors';
import { listPullFiles } from './api/pull-files';
import type { Repository } from './api/repository';
import { listPostedFingerprints, planInlineComments, postReview } from './api/review';
import { STICKY_MARKER, upsertStickyComment } from './api/sticky-comment';
import type { Client } from './client';
import type { PullRequestTarget } from './event';
import type { ActionOptions } from './inputs';
import { parsePatch } from './patch';
import { COMMENT_LIMIT } from '../report/markdown';
import { selectForRunner } from './ranking';

export { COMMENT_LIMIT } from '../report/markdown';
export const CHECK_RUN_NAME = 'leaderboard-check';

export interface PublishInput {
  client: Client;
  options: Readonly<ActionOptions>;
  repository: Repository;
  report: Report;
  /** Findings ordered errors first, then changed lines first. */
  ranked: Finding[];
  failed: boolean;
  /** The commit annotations and the review attach to. */
  headSha: string;
  pullRequest?: PullRequestTarget;
  readOnly?: 'fork';
}

/** Tracks whether writes still make sense, so a read-only token costs one warning and no further requests. */
class WriteState {
  writable: boolean;
  unreachable?: string;

  constructor(
    private readonly locale: Locale,
    readOnly: 'fork' | undefined,
  ) {
    this.writable = readOnly === undefined;
    if (readOnly === 'fork') core.warning(t(locale, 'action.read-only-fork'));
  }

  /** Runs one write; a 403 or an unreachable GitHub stops later writes instead of failing the step here. */
  async attempt<T>(write: () => Promise<T>): Promise<T | undefined> {
    if (!this.writable) return undefined;
    try {
      return await write();
    } catch (error) {
      if (isForbidden(error)) {
        this.writable = false;
        core.warning(t(this.locale, 'action.read-only-forbidden', { message: errorMessage(error) }));
        return undefined;
      }
      if (isUnreachable(error)) {
        this.writable = false;
        this.unreachable = errorMessage(error);
        return undefined;
      }
      throw error;
    }
  }
}

function annotateThroughRunner(ranked: readonly Finding[], locale: Locale): void {
  const selection = selectForRunner(ranked);
  for (const finding of selection.shown) process.stdout.write(`${annotationCommand(finding)}\n`);
  if (selection.hidden > 0) process.stdout.write(`${workflowCommand('notice', t(locale, 'action.more-annotations', { count: selection.hidden }))}\n`);
}

function reviewFallbackBody(input: PublishInput, comments: Array<{ path: string; line: number; body: string }>): string {
  const lines = comments.map((comment) => `- ${escapeMarkdown(`${comment.path}:${comment.line}`)}: ${comment.body.split('\n').slice(1).join(' ')}`);
  return `${t(input.report.locale, 'action.review-rejected')}\n\n${lines.join('\n')}`;
}

async function postInlineReview(input: PublishInput, pullRequest: PullRequestTarget): Promise<void> {
  const { client, repository, report, options } = input;
  const pullFiles = await listPullFiles(client, repository, pullRequest.number, pullRequest.changedFiles);
  if (!pullFiles.complete) {
    core.notice(t(report.locale, 'action.files-incomplete', { listed: pullFiles.files.length, total: pullFiles.expected ?? pullFiles.files.length }));
  }
  const commentable = new Map<string, Set<number>>();
  for (const file of pullFiles.files) {
    if (file.patch !== undefined && file.status !== 'removed') commentable.set(file.filename, parsePatch(file.patch).commentable);
  }

  const posted = await listPostedFingerprints(client, repository, pullRequest.number);
  const plan = planInlineComments(input.ranked, commentable, posted, options.reviewComments);
  if (plan.comments.length === 0) return;

  const { errors, warnings } = report.summary;
  await postReview(client, repository, pullRequest.number, {
    headSha: pullRequest.headSha,
    body: t(report.locale, 'action.review-body', { errors, warnings, inline: plan.comments.length }),
    comments: plan.comments,
    fallbackBody: reviewFallbackBody(input, plan.comments),
  });
}

export async function publishReport(input: PublishInput): Promise<void> {
  const { client, options, repository, report, failed, pullRequest } = input;
  const locale = report.locale;
  const state = new WriteState(locale, input.readOnly);

  if (options.annotations) {
    const published = await state.attempt(() =>
      publishCheckRun(client, repository, {
        name: CHECK_RUN_NAME,
        headSha: input.headSha,
        failed,
        title: t(locale, 'report.totals', { errors: report.summary.errors, warnings: report.summary.warnings, notices: report.summary.notices }),
        summary: renderMarkdown(report, { failed, maxSize: CHECK_SUMMARY_LIMIT - 100, measure: measureUtf16, reportPath: options.reportPath }),
        annotations: report.findings.map(toAnnotation),
      }),
    );
    if (published === undefined) annotateThroughRunner(input.ranked, locale);
  }

  if (pullRequest && options.reviewComments > 0 && report.findings.length > 0) {
    await state.attempt(() => postInlineReview(input, pullRequest));
  }

  if (pullRequest && options.comment !== 'never') {
    const body = renderMarkdown(report, { failed, maxSize: COMMENT_LIMIT, measure: measureUtf16, reportPath: options.reportPath, prefix: `${STICKY_MARKER}\n` });
    const create = options.comment === 'always' || report.findings.length > 0;
    await state.attempt(() => upsertStickyComment(client, repository, pullRequest.number, body, create));
  }

  if (state.unreachable !== undefined) core.setFailed(t(locale, 'action.unreachable', { url: options.apiUrl, message: state.unreachable }));
}
