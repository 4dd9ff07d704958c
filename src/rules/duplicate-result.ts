import { canonicalJson, configurationKey } from '../core/configuration-key';
import type { Entry } from '../core/model';
import { field, isObject } from './fields';
import type { RuleDefinition } from './rule';

function resultKey(entry: Entry): string | undefined {
  const metrics = field(entry.value, 'metrics');
  if (!isObject(metrics)) return undefined;
  const configuration = configurationKey(entry);
  if (configuration.key === undefined) return undefined;
  return `${configuration.key}|${canonicalJson(metrics)}`;
}

/** Returns a cheap part of the result key: entries that differ here cannot share a key. */
function firstMetric(entry: Entry): string {
  return canonicalJson(field(entry.value, 'metrics.ttft_ms'));
}

export const duplicateResult: RuleDefinition = {
  meta: {
    id: 'duplicate-result',
    category: 'change',
    defaultSeverity: 'warning',
    description: {
      en: 'Another entry has the same configuration and identical metrics under a different id.',
      'zh-CN': '另一个条目具有相同配置和完全相同的指标，但 id 不同。',
    },
    messages: {
      en: {
        duplicate: 'Same configuration and identical metrics as entry {otherId} at {otherFile}:{relatedLine}: the same result seems submitted twice under two ids.',
      },
      'zh-CN': {
        duplicate: '与 {otherFile}:{relatedLine} 处的条目 {otherId} 配置相同且指标完全相同：同一结果似乎以两个 id 重复提交。',
      },
    },
  },
  checkChange(change, context) {
    const checked = new Set(change.checked);
    const first = new Map<string, Entry>();
    // A published entry matters only when it may equal a checked one, and equal
    // keys have equal first metrics, so most published entries need no key.
    const candidates = new Set(change.checked.map(firstMetric));
    // Published entries claim their results first, so a new copy is the one reported.
    const ordered = [...change.headEntries.filter((entry) => !checked.has(entry) && candidates.has(firstMetric(entry))), ...change.checked];
    for (const entry of ordered) {
      // Rounded doubles could make two different results look equal; json-syntax reports such numbers.
      if (entry.inexact) continue;
      const key = resultKey(entry);
      if (key === undefined) continue;
      const other = first.get(key);
      if (!other) {
        first.set(key, entry);
        continue;
      }
      if (!checked.has(entry) || other.id === entry.id) continue;
      context.report({
        messageId: 'duplicate',
        data: { otherId: JSON.stringify(other.id ?? null), otherFile: other.file },
        file: entry.file,
        pointer: `${entry.pointer}/metrics`,
        target: 'key',
        entryId: entry.id,
        related: { file: other.file, pointer: `${other.pointer}/metrics`, target: 'key' },
      });
    }
  },
};
