/** Reads the parts of a Markdown guide that tests compare: headings, code blocks, tables and links. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export interface Section {
  /** The heading's text without the leading `#`s, or '' for the text before the first heading. */
  heading: string;
  level: number;
  /** Each table of the section as its body rows, each row as its cells; header and delimiter rows are left out. */
  tables: string[][][];
  /** The lines between this heading and the next, code included. */
  body: string;
}

/** Splits a table row into trimmed cells, keeping `|` that is escaped or inside a code span. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const body = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char === '\\' && index + 1 < body.length) {
      cell += char + body[index + 1];
      index++;
    } else if (char === '`') {
      inCode = !inCode;
      cell += char;
    } else if (char === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** Splits a document into its sections, reading headings and tables outside fenced code only. */
export function sections(text: string): Section[] {
  const result: Section[] = [{ heading: '', level: 0, tables: [], body: '' }];
  let fenced = false;
  let table: string[][] | undefined;
  let tableLine = 0;

  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      result.push({ heading: line.slice(level + 1).trim(), level, tables: [], body: '' });
      table = undefined;
      continue;
    }

    const current = result[result.length - 1];
    current.body += `${line}\n`;
    if (fenced || !line.startsWith('|')) {
      table = undefined;
      continue;
    }

    if (table === undefined) {
      table = [];
      tableLine = 0;
      current.tables.push(table);
    }
    // The first two lines of a table are its header and delimiter rows.
    if (tableLine >= 2) table.push(tableCells(line));
    tableLine++;
  }
  return result;
}

/** Returns the heading levels in order, outside fenced code. */
export function headingLevels(text: string): number[] {
  return sections(text)
    .slice(1)
    .map((section) => section.level);
}

/** Returns the fenced code blocks, fences included. */
export function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^```[^\n]*\n[\s\S]*?^```$/gm)].map((match) => match[0]);
}

/** Returns the code blocks of one info string, such as `yaml`, without their fences. */
export function codeBlocksOf(text: string, language: string): string[] {
  return [...text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter((match) => match[1].trim() === language).map((match) => match[2]);
}

/** Returns the first cell of each table row, outside fenced code, that is a code span, such as a rule id. */
export function tableKeys(text: string): string[] {
  return sections(text).flatMap((section) => section.tables.flatMap((table) => table.map((row) => row[0]).filter((cell) => /^`[^`]+`$/.test(cell))));
}

/** Returns the section under the heading `heading`; throws when no section has that heading. */
export function sectionUnder(text: string, heading: string): Section {
  const section = sections(text).find((candidate) => candidate.heading === heading);
  if (section === undefined) throw new Error(`no heading "${heading}"`);
  return section;
}

export function tablesUnder(text: string, heading: string): string[][][] {
  return sectionUnder(text, heading).tables;
}

/** Returns the targets of inline links outside fenced code, such as `docs/action.md#forks`. */
export function linkTargets(text: string): string[] {
  const prose = text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** Returns the anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}
