/** Parsed files and the entries in them. */

import type { LineIndex } from '../json/text';
import type { RawFinding } from '../rules/rule';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Entry {
  file: string;
  /** Position in the file's array, or -1 when the file is one entry object. */
  index: number;
  /** Pointer of the entry in its file: `/3`, or the empty string for a one-entry file. */
  pointer: string;
  value: JsonObject;
  /** The `entry_id` when it is a string. */
  id?: string;
  /** Identity across revisions: the id, or the file and position when there is no id. */
  key: string;
  /** Offsets of the entry's text, when known. */
  span?: [number, number];
  /** Canonical text used to tell unchanged entries from changed ones, computed on first read. */
  readonly fingerprint: string;
  /** The entry's text in its file, when its span is known: equal text means an equal value. */
  source?: string;
  /** Set when the entry's text has a number that a double cannot hold exactly; such values are not compared. */
  inexact?: boolean;
}

export interface ParsedFile {
  path: string;
  text: string;
  lines: LineIndex;
  size: number;
  /** The parsed value, or undefined when the file could not be parsed. */
  value: unknown;
  entries: Entry[];
  /** Offsets of each element of a top-level array, from the cheap first pass. */
  elementSpans?: Array<[number, number]>;
  /** Findings of reading and parsing: encoding, syntax, duplicate keys, shape. */
  findings: RawFinding[];
  /** The blob id of the content, when read from git. */
  blob?: string;
}
