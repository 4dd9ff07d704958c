/** Publishing every finding as a check run annotation, in the batches of 50 the Checks API accepts. */

import type { Finding } from '../../core/types';
import { annotationTitle } from '../../report/workflow-commands';
import type { Client } from '../client';
import type { Repository } from './repository';

/** The Checks API takes at most 50 annotations per request; further ones go in updates of the same run. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Limit of the Checks API on a run's output summary, in characters. */
export const CHECK_SUMMARY_LIMIT = 65_535;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

export function toAnnotation(finding: Finding): CheckAnnotation {
  // The API accepts columns only when the annotation starts and ends on one line.
  const oneLine = finding.endLine === finding.line;
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: finding.endLine,
    ...(oneLine ? { start_column: finding.column, end_column: finding.endColumn } : {}),
    annotation_level: LEVEL[finding.severity],
    title: annotationTitle(finding),
    message: finding.message,
  };
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export interface CheckRunContent {
  name: string;
  headSha: string;
  failed: boolean;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** Creates one check run and adds the remaining annotations batch by batch; the last request completes it. */
export async function publishCheckRun(client: Client, repository: Repository, content: CheckRunContent): Promise<number> {
  const [first = [], ...rest] = batches(content.annotations, ANNOTATIONS_PER_REQUEST);
  const output = (annotations: CheckAnnotation[]) => ({ title: content.title, summary: content.summary, annotations });
  const conclusion = content.failed ? ('failure' as const) : ('success' as const);

  const created = await client.rest.checks.create({
    ...repository,
    name: content.name,
    head_sha: content.headSha,
    ...(rest.length === 0 ? { status: 'completed' as const, conclusion } : { status: 'in_progress' as const }),
    output: output(first),
  });
  const checkRunId = created.data.id;

  for (let i = 0; i < rest.length; i++) {
    const last = i === rest.length - 1;
    await client.rest.checks.update({
      ...repository,
      check_run_id: checkRunId,
      ...(last ? { status: 'completed' as const, conclusion } : {}),
      output: output(rest[i]),
    });
  }
  return checkRunId;
}
