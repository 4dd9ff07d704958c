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
        normalization: 'Key `{key}` looks the same as the key at line {firstLine} but is written with other Unicode code points (NFC normalisation makes them equal): keep one spelling.',
      },
      'zh-CN': {
        duplicate: '重复的键 `{key}`：第 {firstLine} 行已定义过该键，解析器只会保留最后一个值。请删除其中一个。',
        normalization: '键 `{key}` 与第 {firstLine} 行的键看起来相同，但使用了不同的 Unicode 码位（经 NFC 规范化后相同）：请只保留一种写法。',
      },
    },
  },
};
