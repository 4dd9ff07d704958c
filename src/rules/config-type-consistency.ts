import type { Entry } from '../core/model';
import { quote } from '../i18n/format';
import { field, interconnectPath, isNumber, isObject, pointerOf } from './fields';
import type { EntryRuleContext, RuleDefinition } from './rule';

function check(entry: Entry, context: EntryRuleContext): void {
  const value = entry.value;
  const configType = field(value, 'config_type');
  if (typeof configType !== 'string') return;

  const chipCount = field(value, 'hardware.chip_count');
  const cluster = field(value, 'cluster');
  const interconnect = interconnectPath(value);
  const link = field(value, interconnect);
  const data = { configType: quote(configType) };

  if (configType === 'single_gpu') {
    if (isNumber(chipCount) && chipCount !== 1) {
      context.report({ pointer: '/hardware/chip_count', messageId: 'single-chip-count', data: { ...data, value: quote(chipCount) } });
    }
    if (typeof link === 'string' && link !== 'None') {
      context.report({ pointer: pointerOf(interconnect), messageId: 'single-interconnect', data: { ...data, field: interconnect, value: quote(link) } });
    }
  } else if (configType === 'multi_gpu' || configType === 'multi_node') {
    if (isNumber(chipCount) && chipCount <= 1) {
      context.report({ pointer: '/hardware/chip_count', messageId: 'multi-chip-count', data: { ...data, value: quote(chipCount) } });
    }
  } else {
    return;
  }

  if (configType === 'multi_node' && !isObject(cluster)) {
    context.report({ pointer: '/cluster', messageId: 'node-needs-cluster', data: { ...data, value: quote(cluster ?? null) } });
  }
  if (configType !== 'multi_node' && cluster !== undefined && cluster !== null) {
    context.report({ pointer: '/cluster', messageId: 'machine-has-cluster', data });
  }
}

export const configTypeConsistency: RuleDefinition = {
  meta: {
    id: 'config-type-consistency',
    category: 'entry',
    defaultSeverity: 'error',
    description: {
      en: '`config_type` disagrees with `chip_count`, `cluster` or the interconnect.',
      'zh-CN': '`config_type` 与 `chip_count`、`cluster` 或卡间互联不一致。',
    },
    messages: {
      en: {
        'single-chip-count': '`hardware.chip_count` is {value}, but `config_type` {configType} means exactly 1 chip: set chip_count to 1 or config_type to "multi_gpu".',
        'single-interconnect': '`{field}` is {value}, but a {configType} entry has no interconnect: expected "None".',
        'multi-chip-count': '`hardware.chip_count` is {value}, but `config_type` {configType} needs more than 1 chip: use "single_gpu" for one chip.',
        'node-needs-cluster': '`cluster` is {value}, but a {configType} entry needs a `cluster` object with node_count, comm_backend and topology_type.',
        'machine-has-cluster': '`cluster` is an object, but a {configType} entry runs on one machine: set cluster to null, or config_type to "multi_node".',
      },
      'zh-CN': {
        'single-chip-count': '`hardware.chip_count` 为 {value}，但 `config_type` {configType} 表示只有 1 张卡：请将 chip_count 设为 1，或将 config_type 改为 "multi_gpu"。',
        'single-interconnect': '`{field}` 为 {value}，但 {configType} 条目没有卡间互联：应为 "None"。',
        'multi-chip-count': '`hardware.chip_count` 为 {value}，但 `config_type` {configType} 需要多于 1 张卡：单卡请使用 "single_gpu"。',
        'node-needs-cluster': '`cluster` 为 {value}，但 {configType} 条目需要包含 node_count、comm_backend 和 topology_type 的 `cluster` 对象。',
        'machine-has-cluster': '`cluster` 是对象，但 {configType} 条目运行在单台机器上：请将 cluster 设为 null，或将 config_type 改为 "multi_node"。',
      },
    },
  },
  checkEntry: check,
};
