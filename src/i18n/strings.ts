/** Every user-facing string that does not belong to one rule, in each locale. */

import type { Locale, MessageData } from '../core/types';
import { formatTemplate } from './format';

const en = {
  'report.title': 'leaderboard-check',
  'report.revisions': 'base {base} → head {head}',
  'report.files': '{count} data files changed',
  'report.entries': 'Entries: {added} added, {modified} modified, {removed} removed, {unchanged} unchanged',
  'report.totals': '{errors} errors, {warnings} warnings, {notices} notices',
  'report.clean': 'No problems found.',
  'report.repeated': '×{count}',
  'report.more-locations': '… and {count} more',
  'report.similar': '(messages differ in their values; the first is shown)',
  'report.omitted': '{count} more findings in {file} were omitted (limit `max-findings-per-file`); they are counted above.',
  'report.worktree': 'work tree',
  'report.index': 'index',
  'report.none': '(none)',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.notice': 'notice',
  'cli.failed': 'leaderboard-check: {message}',
  'cli.internal': 'leaderboard-check: internal error: {message}. Please report it with the command you ran.',
  'rules.header': 'Rules ({count}):',
  'rules.unknown': 'unknown rule {id}: run `leaderboard-check rules` for the list.',
};

const zh: typeof en = {
  'report.title': 'leaderboard-check',
  'report.revisions': '基准 {base} → 目标 {head}',
  'report.files': '{count} 个数据文件有变更',
  'report.entries': '条目：新增 {added}，修改 {modified}，删除 {removed}，未变 {unchanged}',
  'report.totals': '{errors} 个错误，{warnings} 个警告，{notices} 个提示',
  'report.clean': '未发现问题。',
  'report.repeated': '×{count}',
  'report.more-locations': '……另有 {count} 处',
  'report.similar': '（各条消息中的数值不同，仅显示第一条）',
  'report.omitted': '{file} 中另有 {count} 条问题未显示（上限 `max-findings-per-file`），已计入上面的统计。',
  'report.worktree': '工作区',
  'report.index': '暂存区',
  'report.none': '（无）',
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.notice': '提示',
  'cli.failed': 'leaderboard-check：{message}',
  'cli.internal': 'leaderboard-check：内部错误：{message}。请连同所运行的命令一起报告此问题。',
  'rules.header': '规则（{count} 条）：',
  'rules.unknown': '未知规则 {id}：运行 `leaderboard-check rules` 查看列表。',
};

export type StringId = keyof typeof en;

export const STRINGS: Record<Locale, Record<StringId, string>> = { en, 'zh-CN': zh };

export function t(locale: Locale, id: StringId, data: MessageData = {}): string {
  return formatTemplate(STRINGS[locale][id], data);
}
