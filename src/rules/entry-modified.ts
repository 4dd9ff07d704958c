import { canonicalJson } from '../core/configuration-key';
import { quote } from '../i18n/format';
import { field, isObject } from './fields';
import type { RuleDefinition } from './rule';

const SHOWN_CHANGES = 4;

/** Lists the metrics whose values differ, as `name old → new`. */
export function changedMetrics(before: unknown, after: unknown): Array<{ name: string; before: unknown; after: unknown }> {
  const base = isObject(before) ? before : {};
  const head = isObject(after) ? after : {};
  const names = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
  return names
    .filter((name) => canonicalJson(base[name]) !== canonicalJson(head[name]))
    .map((name) => ({ name, before: base[name], after: head[name] }));
}

export const entryModified: RuleDefinition = {
  meta: {
    id: 'entry-modified',
    category: 'change',
    defaultSeverity: 'warning',
    description: {
      en: 'An entry already published changed its metrics in place.',
      'zh-CN': '已发布条目的指标被原地修改。',
    },
    messages: {
      en: {
        modified: 'Published entry {id} changed its metrics in place: {changes}. Publish a new run as a new entry with its own entry_id instead of rewriting a result.',
      },
      'zh-CN': {
        modified: '已发布条目 {id} 的指标被原地修改：{changes}。新的测试结果请作为新条目发布并使用新的 entry_id，不要改写已有结果。',
      },
    },
  },
  checkChange(change, context) {
    for (const { base, head } of change.modified) {
      const changes = changedMetrics(field(base.value, 'metrics'), field(head.value, 'metrics'));
      if (changes.length === 0) continue;
      const shown = changes.slice(0, SHOWN_CHANGES).map((item) => `${item.name} ${quote(item.before)} → ${quote(item.after)}`);
      if (changes.length > SHOWN_CHANGES) shown.push(`+${changes.length - SHOWN_CHANGES}`);
      context.report({
        messageId: 'modified',
        data: { id: JSON.stringify(head.id ?? head.key), changes: shown.join('; ') },
        file: head.file,
        pointer: changes.length === 1 ? `${head.pointer}/metrics/${changes[0].name}` : `${head.pointer}/metrics`,
        target: changes.length === 1 ? 'value' : 'key',
        entryId: head.id,
      });
    }
  },
};
