import type { RuleDefinition } from './rule';

/** Reported by the position scan of new and changed entries. */
export const duplicateKey: RuleDefinition = {
  meta: {
    id: 'duplicate-key',
    category: 'file',
    defaultSeverity: 'error',
    description: {
      en: 'One object has the same key twice; JSON.parse silently keeps only the last value.',
      'zh-CN': '同一对象中出现重复的键；JSON.parse 会静默地只保留最后一个值。',
    },
    messages: {
      en: {
        duplicate: 'Duplicate key `{key}`: it is already defined at line {firstLine}, and parsers keep only the last value. Remove one of them.',
      },
      'zh-CN': {
        duplicate: '重复的键 `{key}`：第 {firstLine} 行已定义过该键，解析器只会保留最后一个值。请删除其中一个。',
      },
    },
  },
};
