import type { Entry } from '../core/model';
import type { RuleDefinition } from './rule';

const SHOWN_IDS = 5;

export const entriesRemoved: RuleDefinition = {
  meta: {
    id: 'entries-removed',
    category: 'change',
    defaultSeverity: 'warning',
    description: {
      en: 'Published entries were deleted; an error when a file loses more than the configured share.',
      'zh-CN': '已发布条目被删除；当某文件删除的比例超过配置值时为错误。',
    },
    messages: {
      en: {
        removed: '{count} of {total} published entries of {file} were removed: {ids}. Removing a published result hides it from the leaderboard; confirm this is intended.',
        'removed-share': '{count} of {total} published entries of {file} were removed ({percent}%, more than the {limit}% allowed by option `max-share`): {ids}. Was the file replaced by mistake?',
      },
      'zh-CN': {
        removed: '{file} 中 {total} 个已发布条目里有 {count} 个被删除：{ids}。删除已发布结果会使其从排行榜消失，请确认这是有意为之。',
        'removed-share': '{file} 中 {total} 个已发布条目里有 {count} 个被删除（{percent}%，超过选项 `max-share` 允许的 {limit}%）：{ids}。文件是否被误替换？',
      },
    },
    options: { 'max-share': 0.5 },
    optionSchemas: { 'max-share': { type: 'number', minimum: 0, maximum: 1 } },
  },
  checkChange(change, context) {
    const maxShare = Number(context.options['max-share'] ?? 0.5);
    const byFile = new Map<string, Entry[]>();
    for (const entry of change.removed) {
      const list = byFile.get(entry.file);
      if (list) list.push(entry);
      else byFile.set(entry.file, [entry]);
    }

    for (const [file, removed] of byFile) {
      const total = change.baseFiles.get(file)?.entries.length ?? removed.length;
      const share = total === 0 ? 0 : removed.length / total;
      const names = removed.slice(0, SHOWN_IDS).map((entry) => JSON.stringify(entry.id ?? entry.key));
      if (removed.length > SHOWN_IDS) names.push(`+${removed.length - SHOWN_IDS}`);
      const overShare = share > maxShare;
      // The finding sits on the file as it is at head; a deleted file is reported at its path, line 1.
      context.report({
        messageId: overShare ? 'removed-share' : 'removed',
        data: { count: removed.length, total, file, ids: names.join(', '), percent: Math.round(share * 100), limit: Math.round(maxShare * 100) },
        file,
        pointer: '',
        offset: { start: 0, end: 0 },
        severity: overShare ? 'error' : 'warning',
      });
    }
  },
};
