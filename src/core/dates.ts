/** Strict RFC 3339 date-time parsing, the format of `metadata.submitted_at`. */

export type DateProblem = 'not-a-string' | 'not-rfc3339' | 'no-time-zone' | 'bad-offset' | 'out-of-range';

export type ParsedDate = { ok: true; time: number } | { ok: false; problem: DateProblem };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const OTHER_OFFSET = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{4}|[+-]\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an RFC 3339 date-time with a time zone. A leap second (:60) is
 * accepted and read as the last instant of its minute, since the time scale
 * of `Date` has no leap seconds.
 */
export function parseRfc3339(value: unknown): ParsedDate {
  if (typeof value !== 'string') return { ok: false, problem: 'not-a-string' };
  const match = RFC3339.exec(value);
  if (!match) {
    if (NO_ZONE.test(value)) return { ok: false, problem: 'no-time-zone' };
    if (OTHER_OFFSET.test(value)) return { ok: false, problem: 'bad-offset' };
    return { ok: false, problem: 'not-rfc3339' };
  }

  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const zone = match[8];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) {
    return { ok: false, problem: 'out-of-range' };
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMins = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetMins > 59) return { ok: false, problem: 'out-of-range' };
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }

  const fraction = match[7] ? Number(match[7]) * 1000 : 0;
  const leap = second === 60;
  const time = Date.UTC(year, month - 1, day, hour, minute, leap ? 59 : second) + (leap ? 999 : fraction) - offsetMinutes * 60_000;
  return { ok: true, time };
}
