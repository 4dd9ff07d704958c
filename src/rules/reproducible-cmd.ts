import { field, isObject } from './fields';
import type { RuleDefinition } from './rule';

export const reproducibleCmd: RuleDefinition = {
  meta: {
    id: 'reproducible-cmd',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: 'No `metadata.reproducible_cmd` to rerun the benchmark.',
      'zh-CN': '缺少用于复现基准测试的 `metadata.reproducible_cmd`。',
    },
    messages: {
      en: {
        missing: 'No `metadata.reproducible_cmd`: add the command that reproduces this result, such as "sage-llm benchmark --model Qwen2-7B …".',
        empty: '`metadata.reproducible_cmd` is empty: give the command that reproduces this result.',
      },
      'zh-CN': {
        missing: '缺少 `metadata.reproducible_cmd`：请补充可复现该结果的命令，例如 "sage-llm benchmark --model Qwen2-7B …"。',
        empty: '`metadata.reproducible_cmd` 为空：请填写可复现该结果的命令。',
      },
    },
  },
  checkEntry(entry, context) {
    const metadata = field(entry.value, 'metadata');
    if (!isObject(metadata)) return;
    const command = metadata.reproducible_cmd;
    if (command === undefined || command === null) {
      context.report({ pointer: '/metadata', target: 'key', messageId: 'missing' });
    } else if (typeof command === 'string' && command.trim() === '') {
      context.report({ pointer: '/metadata/reproducible_cmd', messageId: 'empty' });
    }
  },
};
