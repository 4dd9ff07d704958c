/** Annotations as the runner's workflow commands (`::error file=…::message`), escaped so data cannot forge a command. */

import type { Finding } from '../core/types';
import { replaceControls } from './sanitize';

/**
 * Escapes a command's message: the runner decodes %25, %0D and %0A, so a
 * value cannot end the line and start a command. Other controls have no
 * encoding the runner decodes, so they become U+FFFD; a path with one then
 * no longer names its file, which only a hostile file name would contain.
 */
export function escapeData(text: string): string {
  return replaceControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value, where `:` ends the property list and `,` separates properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type CommandLevel = 'error' | 'warning' | 'notice';

export interface CommandProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export function workflowCommand(level: CommandLevel, message: string, properties: CommandProperties = {}): string {
  const pairs = Object.entries(properties)
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`);
  return `::${level}${pairs.length > 0 ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}`;
}

/** Builds the title from the rule and, when known, the entry, so the annotation reads on its own in the checks tab. */
export function annotationTitle(finding: Finding): string {
  return finding.entryId ? `${finding.ruleId} (${finding.entryId})` : finding.ruleId;
}

export function annotationCommand(finding: Finding): string {
  // The runner accepts columns only for a one-line range.
  const oneLine = finding.endLine === finding.line;
  return workflowCommand(finding.severity, finding.message, {
    file: finding.file,
    line: finding.line,
    endLine: finding.endLine,
    col: oneLine ? finding.column : undefined,
    endColumn: oneLine ? finding.endColumn : undefined,
    title: annotationTitle(finding),
  });
}
