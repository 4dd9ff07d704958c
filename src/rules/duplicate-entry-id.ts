import type { Entry } from '../core/model';
import type { RuleDefinition } from './rule';

function compareEntries(a: Entry, b: Entry): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.index - b.index;
}

export const duplicateEntryId: RuleDefinition = {
  meta: {
    id: 'duplicate-entry-id',
    category: 'change',
    defaultSeverity: 'error',
    description: {
      en: 'An `entry_id` is used twice, in one file or across files.',
      'zh-CN': '同一个 `entry_id` 被使用了两次（同一文件内或跨文件）。',
    },
    messages: {
      en: {
        duplicate: '`entry_id` {id} is already used at {firstFile}:{relatedLine}: every entry needs its own id, such as a new UUID v4.',
      },
      'zh-CN': {
        duplicate: '`entry_id` {id} 已在 {firstFile}:{relatedLine} 使用：每个条目都需要独立的 id，例如新生成的 UUID v4。',
      },
    },
  },
  checkChange(change, context) {
    const checked = new Set(change.checked);
    const byId = new Map<string, Entry[]>();
    for (const entry of change.headEntries) {
      if (entry.id === undefined) continue;
      const list = byId.get(entry.id);
      if (list) list.push(entry);
      else byId.set(entry.id, [entry]);
    }

    for (const [id, entries] of byId) {
      if (entries.length < 2 || !entries.some((entry) => checked.has(entry))) continue;
      entries.sort(compareEntries);
      // The published occurrence is the original; a new one is the duplicate.
      const original = entries.find((entry) => !checked.has(entry)) ?? entries[0];
      for (const entry of entries) {
        if (entry === original || !checked.has(entry)) continue;
        context.report({
          messageId: 'duplicate',
          data: { id: JSON.stringify(id), firstFile: original.file },
          file: entry.file,
          pointer: `${entry.pointer}/entry_id`,
          entryId: id,
          related: { file: original.file, pointer: `${original.pointer}/entry_id` },
        });
      }
    }
  },
};
