import { quote } from '../i18n/format';
import { field, isNumber, isObject } from './fields';
import type { RuleDefinition } from './rule';

export const chipsPerNodeRequired: RuleDefinition = {
  meta: {
    id: 'chips-per-node-required',
    category: 'entry',
    defaultSeverity: 'error',
    description: {
      en: 'A `multi_node` entry without a positive `hardware.chips_per_node`.',
      'zh-CN': '`multi_node` 条目缺少为正数的 `hardware.chips_per_node`。',
    },
    messages: {
      en: {
        missing: 'A "multi_node" entry needs `hardware.chips_per_node`, the number of chips in each node.',
        'not-positive': '`hardware.chips_per_node` is {value}, but a "multi_node" entry needs a count greater than 0.',
      },
      'zh-CN': {
        missing: '"multi_node" 条目必须填写 `hardware.chips_per_node`，即每个节点的芯片数。',
        'not-positive': '`hardware.chips_per_node` 为 {value}，但 "multi_node" 条目要求大于 0。',
      },
    },
  },
  checkEntry(entry, context) {
    if (field(entry.value, 'config_type') !== 'multi_node') return;
    if (!isObject(field(entry.value, 'hardware'))) return;
    const perNode = field(entry.value, 'hardware.chips_per_node');
    if (perNode === undefined || perNode === null) {
      context.report({ pointer: '/hardware', target: 'key', messageId: 'missing' });
    } else if (isNumber(perNode) && perNode <= 0) {
      context.report({ pointer: '/hardware/chips_per_node', messageId: 'not-positive', data: { value: quote(perNode) } });
    }
  },
};
