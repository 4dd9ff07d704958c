/** Rendering a rule's message in a locale. */

import type { Locale, MessageData } from '../core/types';
import type { RuleMeta } from '../rules/rule';
import { formatTemplate } from './format';

const REFERENCE = 'msg:';

/**
 * Fills a rule's template. A data value written `msg:ID` names another
 * template of the same rule, such as a hint, and is rendered first with the
 * same data, so translated fragments stay in the rule's own table. A data
 * key `name@LOCALE` replaces `name` in that locale, for text that comes
 * translated from elsewhere, such as ajv-i18n's messages.
 */
export function renderMessage(meta: RuleMeta, messageId: string, data: MessageData, locale: Locale): string {
  const table = meta.messages[locale] ?? meta.messages.en;
  const template = table[messageId] ?? meta.messages.en[messageId] ?? messageId;

  const resolved: MessageData = {};
  for (const [name, raw] of Object.entries(data)) {
    if (name.includes('@')) continue;
    const value = data[`${name}@${locale}`] ?? raw;
    if (typeof value === 'string' && value.startsWith(REFERENCE)) {
      const id = value.slice(REFERENCE.length);
      const fragment = table[id] ?? meta.messages.en[id];
      resolved[name] = fragment === undefined ? value : formatTemplate(fragment, data);
    } else {
      resolved[name] = value;
    }
  }
  return formatTemplate(template, resolved);
}
