import { parseRfc3339 } from '../core/dates';
import { quote } from '../i18n/format';
import { field, isObject } from './fields';
import type { RuleDefinition } from './rule';

const DAY_MS = 86_400_000;

export const submittedAtFuture: RuleDefinition = {
  meta: {
    id: 'submitted-at-future',
    category: 'entry',
    defaultSeverity: 'warning',
    description: {
      en: '`metadata.submitted_at` lies in the future, too far in the past, or cannot be read.',
      'zh-CN': '`metadata.submitted_at` 晚于当前时间、早得不合理，或无法解析。',
    },
    messages: {
      en: {
        future: '`metadata.submitted_at` is {value}, {days} days in the future: check the date and the time zone.',
        'too-old': '`metadata.submitted_at` is {value}, before {earliest}, the earliest date this repository accepts (option `earliest`).',
        'no-time-zone': '`metadata.submitted_at` is {value}, which has no time zone: add `Z` for UTC or an offset such as `+08:00`.',
        'bad-offset': '`metadata.submitted_at` is {value}: RFC 3339 writes the offset with a colon, such as `+08:00`.',
        'not-rfc3339': '`metadata.submitted_at` is {value}, which is not an RFC 3339 date-time such as "2026-01-28T10:30:00Z".',
        'out-of-range': '`metadata.submitted_at` is {value}, which names a day or time that does not exist.',
        'not-a-string': '`metadata.submitted_at` is {value}, but it must be an RFC 3339 date-time string.',
      },
      'zh-CN': {
        future: '`metadata.submitted_at` 为 {value}，比当前时间晚 {days} 天：请检查日期和时区。',
        'too-old': '`metadata.submitted_at` 为 {value}，早于本仓库接受的最早日期 {earliest}（选项 `earliest`）。',
        'no-time-zone': '`metadata.submitted_at` 为 {value}，缺少时区：UTC 请加 `Z`，或加上偏移量如 `+08:00`。',
        'bad-offset': '`metadata.submitted_at` 为 {value}：RFC 3339 的时区偏移需要冒号，例如 `+08:00`。',
        'not-rfc3339': '`metadata.submitted_at` 为 {value}，不是 RFC 3339 日期时间，例如 "2026-01-28T10:30:00Z"。',
        'out-of-range': '`metadata.submitted_at` 为 {value}，其中的日期或时间不存在。',
        'not-a-string': '`metadata.submitted_at` 为 {value}，但它必须是 RFC 3339 日期时间字符串。',
      },
    },
    // Clock skew allowed before a date counts as future, and the earliest plausible date.
    options: { 'tolerance-minutes': 60, earliest: '2000-01-01' },
    optionSchemas: { 'tolerance-minutes': { type: 'number', minimum: 0 }, earliest: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
  },
  checkEntry(entry, context) {
    const metadata = field(entry.value, 'metadata');
    if (!isObject(metadata) || !Object.prototype.hasOwnProperty.call(metadata, 'submitted_at')) return;
    const value = metadata.submitted_at;
    if (value === null) return;

    const parsed = parseRfc3339(value);
    const data = { value: quote(value) };
    if (!parsed.ok) {
      context.report({ pointer: '/metadata/submitted_at', messageId: parsed.problem, data });
      return;
    }

    const toleranceMs = Number(context.options['tolerance-minutes'] ?? 60) * 60_000;
    if (parsed.time > context.now.getTime() + toleranceMs) {
      const days = Math.max(1, Math.round((parsed.time - context.now.getTime()) / DAY_MS));
      context.report({ pointer: '/metadata/submitted_at', messageId: 'future', data: { ...data, days } });
      return;
    }
    const earliest = String(context.options.earliest ?? '2000-01-01');
    const earliestTime = Date.parse(`${earliest}T00:00:00Z`);
    if (Number.isFinite(earliestTime) && parsed.time < earliestTime) {
      context.report({ pointer: '/metadata/submitted_at', messageId: 'too-old', data: { ...data, earliest } });
    }
  },
};
