/**
 * Reading a parsed JSON document from an untrusted source field by field.
 * Every reader checks one value's type and size and throws `InvalidField`
 * with the JSON pointer of the first value that does not fit, so a caller
 * reports one precise problem instead of trusting a shape it never checked.
 */

import type { MessageData } from '../core/types';
import type { StringId } from '../i18n/strings';
import { joinPointer } from '../json/pointer';

/** Maximum length of a pointer shown in a message, so a huge key from the file cannot flood the log. */
const SHOWN_POINTER = 200;

export class InvalidField extends Error {
  constructor(
    readonly id: StringId,
    readonly data: MessageData,
  ) {
    super(id);
  }
}

export function showPointer(pointer: string): string {
  const text = pointer === '' ? '/' : pointer;
  return text.length > SHOWN_POINTER ? `${text.slice(0, SHOWN_POINTER - 1)}…` : text;
}

/** Names a value's JSON type, telling integers from other numbers. */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Shows a scalar as JSON, cut to 80 characters, and an object or array by its type only. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  return jsonKind(value);
}

function wrongType(value: unknown, pointer: string, expected: string): never {
  throw new InvalidField('handover.type', { pointer: showPointer(pointer), found: jsonKind(value), expected });
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** An object whose members were checked against a closed list of names. */
export class Fields {
  constructor(
    private readonly object: Record<string, unknown>,
    readonly pointer: string,
  ) {}

  /** Returns a member the list named as required, which `readObject` made sure exists. */
  get(name: string): unknown {
    return this.object[name];
  }

  /** Returns an optional member, or undefined when it is absent. A value inherited from the prototype is never returned. */
  optional(name: string): unknown {
    return hasOwn(this.object, name) ? this.object[name] : undefined;
  }

  has(name: string): boolean {
    return hasOwn(this.object, name);
  }

  names(): string[] {
    return Object.keys(this.object);
  }

  at(name: string): string {
    return joinPointer(this.pointer, name);
  }
}

/** Reads an object that has every `required` member and no member outside `required` and `optional`. */
export function readObject(value: unknown, pointer: string, required: readonly string[], optional: readonly string[] = []): Fields {
  if (jsonKind(value) !== 'object') wrongType(value, pointer, 'object');
  const object = value as Record<string, unknown>;
  for (const name of Object.keys(object)) {
    if (!required.includes(name) && !optional.includes(name)) throw new InvalidField('handover.unknown-field', { pointer: showPointer(joinPointer(pointer, name)) });
  }
  for (const name of required) {
    if (!hasOwn(object, name)) throw new InvalidField('handover.missing-field', { pointer: showPointer(joinPointer(pointer, name)) });
  }
  return new Fields(object, pointer);
}

/** Reads an object whose member names are data, such as a message's values, with at most `maxMembers` members. */
export function readRecord(value: unknown, pointer: string, maxMembers: number): Fields {
  if (jsonKind(value) !== 'object') wrongType(value, pointer, 'object');
  const names = Object.keys(value as object);
  if (names.length > maxMembers) throw new InvalidField('handover.too-many', { pointer: showPointer(pointer), count: names.length, max: maxMembers });
  return new Fields(value as Record<string, unknown>, pointer);
}

export function readString(value: unknown, pointer: string, maxLength: number, minLength = 0): string {
  if (typeof value !== 'string') wrongType(value, pointer, 'string');
  if (value.length > maxLength) throw new InvalidField('handover.too-long', { pointer: showPointer(pointer), length: value.length, max: maxLength });
  if (value.length < minLength) throw new InvalidField('handover.too-short', { pointer: showPointer(pointer), min: minLength });
  return value;
}

export function readInteger(value: unknown, pointer: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) wrongType(value, pointer, 'integer');
  if (value < min || value > max) throw new InvalidField('handover.out-of-range', { pointer: showPointer(pointer), value, min, max });
  return value;
}

export function readNumber(value: unknown, pointer: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) wrongType(value, pointer, 'number');
  return value;
}

export function readBoolean(value: unknown, pointer: string): boolean {
  if (typeof value !== 'boolean') wrongType(value, pointer, 'boolean');
  return value;
}

export function readEnum<T extends string | number>(value: unknown, pointer: string, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new InvalidField('handover.not-allowed', { pointer: showPointer(pointer), value: showValue(value), allowed: allowed.map((item) => JSON.stringify(item)).join(', ') });
  }
  return value as T;
}

export function readArray<T>(value: unknown, pointer: string, maxItems: number, readItem: (item: unknown, pointer: string) => T): T[] {
  if (!Array.isArray(value)) wrongType(value, pointer, 'array');
  if (value.length > maxItems) throw new InvalidField('handover.too-many', { pointer: showPointer(pointer), count: value.length, max: maxItems });
  return value.map((item, i) => readItem(item, joinPointer(pointer, i)));
}

/** Reads a commit id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits. */
export function readSha(value: unknown, pointer: string): string {
  const text = readString(value, pointer, 64);
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(text)) throw new InvalidField('handover.not-sha', { pointer: showPointer(pointer) });
  return text;
}
