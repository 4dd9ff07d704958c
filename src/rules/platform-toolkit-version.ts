import { quote } from '../i18n/format';
import { field, isGiven, isObject } from './fields';
import type { EntryRuleContext, RuleDefinition } from './rule';
import type { Entry } from '../core/model';

/** A version of each toolkit as it is usually written, quoted in messages. */
const EXAMPLE_VERSION: Record<string, string> = { cuda_version: '"12.1"', cann_version: '"8.0.RC1"' };

const CPU_MODEL = /\b(xeon|epyc|core i[3579]|ryzen|kunpeng|cpu)\b/i;

type Platform = 'NVIDIA' | 'Huawei' | 'CPU';

function platformOf(entry: Entry): Platform | undefined {
  const vendor = field(entry.value, 'hardware.vendor');
  const model = field(entry.value, 'hardware.chip_model');
  if (vendor === 'NVIDIA') return 'NVIDIA';
  if (vendor === 'Huawei' && !(typeof model === 'string' && CPU_MODEL.test(model))) return 'Huawei';
  if (typeof model === 'string' && CPU_MODEL.test(model)) return 'CPU';
  return undefined;
}

function requireVersion(context: EntryRuleContext, entry: Entry, name: string, platform: Platform): void {
  const value = field(entry.value, `environment.${name}`);
  if (isGiven(value)) return;
  const present = value !== undefined;
  context.report({
    pointer: present ? `/environment/${name}` : '/environment',
    target: present ? 'value' : 'key',
    messageId: 'required',
    data: { field: `environment.${name}`, platform, example: EXAMPLE_VERSION[name] ?? '' },
  });
}

function requireNull(context: EntryRuleContext, entry: Entry, name: string, platform: Platform): void {
  const value = field(entry.value, `environment.${name}`);
  if (value === undefined || value === null) return;
  context.report({
    pointer: `/environment/${name}`,
    messageId: value === '' ? 'empty-string' : 'must-be-null',
    data: { field: `environment.${name}`, platform, value: quote(value) },
  });
}

export const platformToolkitVersion: RuleDefinition = {
  meta: {
    id: 'platform-toolkit-version',
    category: 'entry',
    defaultSeverity: 'error',
    description: {
      en: 'CUDA and CANN version fields that do not fit the hardware vendor.',
      'zh-CN': 'CUDA 与 CANN 版本字段与硬件厂商不符。',
    },
    messages: {
      en: {
        required: '`{field}` is missing or null, but {platform} hardware needs it: give the toolkit version, such as {example}.',
        'must-be-null': '`{field}` is {value}, but on {platform} hardware it must be null: remove the version, or check `hardware.vendor`.',
        'empty-string': '`{field}` is an empty string, which is not null: use null, not an empty string, on {platform} hardware.',
      },
      'zh-CN': {
        required: '`{field}` 缺失或为 null，但 {platform} 硬件必须填写它：请填写工具链版本，例如 {example}。',
        'must-be-null': '`{field}` 为 {value}，但在 {platform} 硬件上必须为 null：请删除该版本号，或检查 `hardware.vendor`。',
        'empty-string': '`{field}` 是空字符串，空字符串不等于 null：在 {platform} 硬件上请使用 null，不要使用空字符串。',
      },
    },
  },
  checkEntry(entry, context) {
    if (!isObject(field(entry.value, 'environment'))) return;
    const platform = platformOf(entry);
    if (platform === 'NVIDIA') {
      requireVersion(context, entry, 'cuda_version', platform);
      requireNull(context, entry, 'cann_version', platform);
    } else if (platform === 'Huawei') {
      requireVersion(context, entry, 'cann_version', platform);
      requireNull(context, entry, 'cuda_version', platform);
    } else if (platform === 'CPU') {
      requireNull(context, entry, 'cuda_version', platform);
      requireNull(context, entry, 'cann_version', platform);
    }
  },
};
