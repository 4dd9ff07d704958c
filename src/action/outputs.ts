/** The step's local results: the JSON report file, the outputs, the job summary and the log. */

import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import type { Report } from '../core/types';
import { renderJson } from '../report/json';
import { measureUtf8, renderMarkdown } from '../report/markdown';
import { renderSarif } from '../report/sarif';
import { renderText } from '../report/text';
import { VERSION } from '../version';

/** GitHub rejects a step summary over 1 MiB; the margin leaves room for the runner's own framing. */
export const JOB_SUMMARY_LIMIT = 1_000_000;

export async function writeReportFile(path: string, report: Report): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, renderJson(report));
}

/** The SARIF log's path: beside the JSON report, for github/codeql-action/upload-sarif. */
export function sarifPathFor(reportPath: string): string {
  return reportPath.replace(/\.json$/, '') + '.sarif';
}

export async function writeSarifFile(reportPath: string, report: Report): Promise<void> {
  await writeFile(sarifPathFor(reportPath), renderSarif(report, { version: VERSION }));
}

export function setOutputs(report: Report, reportPath: string): void {
  core.setOutput('errors', report.summary.errors);
  core.setOutput('warnings', report.summary.warnings);
  core.setOutput('added', report.summary.entries.added);
  core.setOutput('modified', report.summary.entries.modified);
  core.setOutput('removed', report.summary.entries.removed);
  core.setOutput('report-path', reportPath);
  core.setOutput('sarif-path', sarifPathFor(reportPath));
}

export async function writeJobSummary(report: Report, failed: boolean, reportPath: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set, so no job summary is written.');
    return;
  }
  const markdown = renderMarkdown(report, { failed, maxSize: JOB_SUMMARY_LIMIT, measure: measureUtf8, reportPath });
  await core.summary.addRaw(markdown, true).write();
}

/**
 * Prints the text report to the log with workflow commands turned off, so a
 * value in the data that looks like `::command::` is printed, not run.
 */
export function logReport(report: Report): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(renderText(report).trimEnd());
  core.info(`::${token}::`);
}
