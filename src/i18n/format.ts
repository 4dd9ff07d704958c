/** Filling message templates and quoting values from the data for messages. */

import type { MessageData } from '../core/types';

/** Replaces each `{name}` with its value; an unknown name stays as written. */
export function formatTemplate(template: string, data: MessageData): string {
  return template.replace(/\{([A-Za-z][\w]*)\}/g, (match, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    return value === undefined ? match : String(value);
  });
}

const MAX_QUOTED = 60;

/** Quotes a value from the data as JSON, shortened so one message stays one line. */
export function quote(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  // JSON has no spelling for these, and JSON.stringify would print null.
  else if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  if (text.length > MAX_QUOTED) text = `${text.slice(0, MAX_QUOTED - 1)}…`;
  return text;
}
