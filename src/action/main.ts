/** The action's run: plan from the event, fetch what is missing, check, then report locally and to GitHub. */

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import { checkRepository } from '../core/check';
import { ConfigError } from '../core/errors';
import type { Locale, Report } from '../core/types';
import { GitError } from '../git/git';
import { t, tCount } from '../i18n/strings';
import { createClient } from './client';
import { addedLines } from './changed-lines';
import { planEvent, type EventPlan, type PullRequestTarget } from './event';
import { buildHandover, changedLinesMap, renderHandover } from './handover';
import { readOptions, type ActionOptions, type FailOn } from './inputs';
import { logReport, setOutputs, writeJobSummary, writeReportFile, writeSarifFile } from './outputs';
import { publishReport } from './publish';
import { rankFindings } from './ranking';
import { confirmPullRequest, loadHandover, planWorkflowRun } from './report-mode';
import { ensureCommits, findMergeBase, gitIn } from './revisions';

/** Counts the findings at or above the `fail-on` level. */
export function failingCount(report: Report, failOn: FailOn): number {
  const { errors, warnings } = report.summary;
  if (failOn === 'never') return 0;
  return failOn === 'warning' ? errors + warnings : errors;
}

interface Revisions {
  base?: string;
  head: string;
}

async function prepareRevisions(options: Readonly<ActionOptions>, plan: Exclude<EventPlan, { kind: 'nothing' }>): Promise<Revisions> {
  const run = gitIn(options.workspace);
  if (plan.kind === 'all') {
    await ensureCommits(run, [plan.head]);
    return { head: plan.head };
  }
  if (!plan.useMergeBase) {
    await ensureCommits(run, [plan.base, plan.head]);
    return { base: plan.base, head: plan.head };
  }
  const mergeBase = await findMergeBase(run, plan.base, plan.head);
  if (mergeBase === undefined) {
    core.warning(t(options.locale, 'action.no-merge-base', { base: plan.base.slice(0, 12), head: plan.head.slice(0, 12) }));
    return { base: plan.base, head: plan.head };
  }
  return { base: mergeBase, head: plan.head };
}

/** The target of a report: the commit annotations attach to and, on a pull request, its number and head. */
interface PublishTarget {
  headSha: string;
  pullRequest?: PullRequestTarget;
  readOnly?: 'fork';
}

/** Writes the local results, publishes to GitHub and sets the step's result, the same way in both modes. */
async function deliverReport(options: Readonly<ActionOptions>, report: Report, changed: ReadonlyMap<string, ReadonlySet<number>>, target: PublishTarget): Promise<void> {
  const failing = failingCount(report, options.failOn);
  const failed = failing > 0;
  await writeReportFile(options.reportPath, report);
  await writeSarifFile(options.reportPath, report);
  setOutputs(report, options.reportPath);
  await writeJobSummary(report, failed, options.reportPath);

  const ranked = rankFindings(report.findings, (file) => changed.get(file));

  await core.group('Publishing results', () =>
    publishReport({
      client: createClient(options.token, options.apiUrl),
      options,
      repository: options.repository,
      report,
      ranked,
      failed,
      headSha: target.headSha,
      pullRequest: target.pullRequest,
      readOnly: target.readOnly,
    }),
  );

  if (failed) core.setFailed(tCount(options.locale, 'action.fail-on', failing, { level: options.failOn }));
}

async function writeHandover(options: Readonly<ActionOptions>, report: Report, changed: ReadonlyMap<string, ReadonlySet<number>>, plan: Extract<EventPlan, { kind: 'compare' }>): Promise<void> {
  if (!plan.pullRequest) return;
  const { owner, repo } = options.repository;
  const handover = buildHandover(`${owner}/${repo}`, { number: plan.pullRequest.number, headSha: plan.pullRequest.headSha, baseSha: plan.base }, changed, report);
  await mkdir(dirname(options.handoverPath), { recursive: true });
  await writeFile(options.handoverPath, renderHandover(handover));
  core.setOutput('handover-path', options.handoverPath);
  core.info(t(options.locale, 'action.handover-written', { path: options.handoverPath }));
}

async function runCheck(options: Readonly<ActionOptions>): Promise<void> {
  const payload = JSON.parse(await readFile(options.eventPath, 'utf8')) as Record<string, unknown>;
  const plan = planEvent(options.eventName, payload, options.sha, options.locale);
  if (plan.kind === 'nothing') {
    core.notice(plan.reason);
    return;
  }
  const pullRequest = plan.kind === 'compare' ? plan.pullRequest : undefined;

  const revisions = await core.group('Fetching the compared commits', () => prepareRevisions(options, plan));
  const report = await core.group('Checking leaderboard data', async () => {
    const result = await checkRepository({
      repo: options.workspace,
      base: revisions.base,
      head: revisions.head,
      all: revisions.base === undefined,
      files: [...options.files],
      exclude: [...options.exclude],
      schema: options.schema,
      config: options.config,
      locale: options.locale,
      labels: pullRequest?.labels ?? [],
    });
    logReport(result);
    return result;
  });

  const changed =
    revisions.base === undefined
      ? new Map<string, Set<number>>()
      : await addedLines(options.workspace, revisions.base, revisions.head, report.findings.map((finding) => finding.file), report.files);
  if (plan.kind === 'compare') await writeHandover(options, report, changed, plan);

  await deliverReport(options, report, changed, {
    headSha: pullRequest?.headSha ?? revisions.head,
    pullRequest,
    readOnly: plan.kind === 'compare' ? plan.readOnly : undefined,
  });
}

/** Mode `report`: posts the hand-over file of a `check` run after checking it, as that run would have with a write token. */
async function runReport(options: Readonly<ActionOptions>, reportFile: string): Promise<void> {
  const payload = JSON.parse(await readFile(options.eventPath, 'utf8')) as Record<string, unknown>;
  const { owner, repo } = options.repository;
  const plan = planWorkflowRun(options.eventName, payload, `${owner}/${repo}`, options.locale);
  if (plan.kind === 'nothing') {
    core.notice(plan.reason);
    return;
  }

  const handover = await loadHandover(reportFile, options.repository, plan.runHeadSha, options.locale);
  const client = createClient(options.token, options.apiUrl);
  const pullRequest = await confirmPullRequest(client, options.repository, handover, plan.runHeadSha, reportFile, options.locale);
  core.info(t(options.locale, 'action.handover-reporting', { number: pullRequest.number, head: pullRequest.headSha }));

  const report = handover.report;
  logReport(report);
  await deliverReport(options, report, changedLinesMap(handover), { headSha: pullRequest.headSha, pullRequest });
}

async function runAction(options: Readonly<ActionOptions>): Promise<void> {
  if (options.mode === 'report' && options.reportFile !== undefined) await runReport(options, options.reportFile);
  else await runCheck(options);
}

/** Runs the action; every failure ends as one `core.setFailed` message, never as an uncaught exception. */
export async function run(): Promise<void> {
  let locale: Locale = 'en';
  try {
    const options = readOptions((name) => core.getInput(name), process.env);
    locale = options.locale;
    await runAction(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConfigError || error instanceof GitError) {
      core.setFailed(t(locale, 'action.failed', { message }));
      return;
    }
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(t(locale, 'action.internal', { message }));
  }
}
