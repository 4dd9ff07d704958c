/** The engine: from two revisions of a repository to a report. */

import { CommitSnapshot, IndexSnapshot, WorkTreeSnapshot, type Snapshot } from '../git/snapshot';
import { defaultBase, isRepository, listRenames, resolveCommit, topLevel } from '../git/git';
import { RULES } from '../rules';
import type { ChangeSet, RawFinding } from '../rules/rule';
import { validateEntry } from '../rules/schema';
import { DEFAULT_FILES, type Config } from '../config/config';
import { ComparisonCollector, defaultComparisonSettings } from './compare';
import { ConfigError } from './errors';
import { diffEntries, type EntryDiff } from './diff';
import { inspectEntry } from './inspect';
import { Locator } from './locate';
import type { Entry, ParsedFile } from './model';
import { readSides, type Sides } from './read';
import { resolveFinding, ruleSetting } from './resolve';
import { createFilter, isInsideRepository } from './select';
import { loadTrustedSetup, type TrustedSetup } from './setup';
import { buildReport } from './summary';
import type { Locale, Report } from './types';
import { appendAll } from './arrays';

export interface CheckOptions {
  /** Any directory inside the repository. */
  repo: string;
  /** Base revision; defaults to the merge-base of HEAD with the default branch. */
  base?: string;
  /** Head revision; defaults to the work tree. */
  head?: string;
  /** Check the staged content (the index) instead of the work tree. */
  staged?: boolean;
  /** Check every selected file as if it were new, without a base. */
  all?: boolean;
  /** Globs that replace the configured file selection. */
  files?: string[];
  /** Globs added to the configured exclusions. */
  exclude?: string[];
  schema?: string;
  config?: string;
  locale: Locale;
  now?: Date;
  /** Pull request labels, which may acknowledge regressions. */
  labels?: string[];
  allowLocalSchema?: boolean;
}

interface Revisions {
  root: string;
  base?: CommitSnapshot;
  head: Snapshot;
  headLabel: string;
}

async function openRevisions(options: CheckOptions): Promise<Revisions> {
  if (!(await isRepository(options.repo))) throw new ConfigError('not-a-repository', { path: options.repo });
  const root = await topLevel(options.repo);

  let head: Snapshot;
  if (options.head !== undefined) head = new CommitSnapshot(root, await resolveCommit(root, options.head));
  else if (options.staged) head = new IndexSnapshot(root);
  else head = new WorkTreeSnapshot(root);

  if (options.all) return { root, head, headLabel: head.label };
  const base = new CommitSnapshot(root, options.base !== undefined ? await resolveCommit(root, options.base) : await defaultBase(root));
  return { root, base, head, headLabel: head.label };
}

/** The head side as `git diff` names it for rename detection. */
function renameTarget(head: Snapshot): string {
  if (head instanceof CommitSnapshot) return head.label;
  return head.label === 'index' ? 'index' : 'worktree';
}

function selection(config: Config, options: CheckOptions) {
  const include = options.files && options.files.length > 0 ? options.files : config.files;
  for (const glob of include) {
    if (!isInsideRepository(glob)) throw new ConfigError('outside-repository', { path: JSON.stringify(glob) });
  }
  return createFilter(include, [...config.exclude, ...(options.exclude ?? [])]);
}

/** Paths outside the data selection whose change the schema-changed rule reports. */
async function touchedPaths(revisions: Revisions, paths: Array<string | undefined>): Promise<string[]> {
  if (!revisions.base) return [];
  const wanted = paths.filter((path): path is string => path !== undefined);
  if (wanted.length === 0) return [];
  const baseFiles = new Map((await revisions.base.list()).map((file) => [file.path, file]));
  const headFiles = new Map((await revisions.head.list()).map((file) => [file.path, file]));
  const touched: string[] = [];
  for (const path of wanted) {
    const before = baseFiles.get(path);
    const after = headFiles.get(path);
    if (!before && !after) continue;
    if (!before || !after) {
      touched.push(path);
      continue;
    }
    if (before.oid !== undefined && after.oid !== undefined) {
      if (before.oid !== after.oid) touched.push(path);
      continue;
    }
    const [a, b] = await Promise.all([revisions.base.read(before), revisions.head.read(after)]);
    if (!a.equals(b)) touched.push(path);
  }
  return touched;
}

function allEntries(files: ReadonlyMap<string, ParsedFile>): Entry[] {
  const entries: Entry[] = [];
  for (const file of files.values()) appendAll(entries, file.entries);
  return entries;
}

/**
 * Checks entries file by file. When one file's entries take longer than the
 * configured time, the rest of that file is left unchecked and one
 * `file-too-large` finding reports it, so a slow file never passes silently.
 */
function runEntryRules(entries: readonly Entry[], sides: Sides, setup: TrustedSetup, locator: Locator, now: Date): RawFinding[] {
  const findings: RawFinding[] = [];
  const budgetMs = setup.config.limits.maxSecondsPerFile * 1000;
  const started = new Map<string, number>();
  const stopped = new Map<string, { checked: number; total: number }>();
  for (const entry of entries) {
    const halted = stopped.get(entry.file);
    if (halted) {
      halted.total++;
      continue;
    }
    const start = started.get(entry.file);
    if (start === undefined) {
      started.set(entry.file, performance.now());
    } else if (performance.now() - start >= budgetMs) {
      const checked = entries.filter((other) => other.file === entry.file).indexOf(entry);
      stopped.set(entry.file, { checked, total: 1 });
      continue;
    }
    const file = sides.head.get(entry.file) as ParsedFile;
    appendAll(findings, inspectEntry(file, entry, locator));

    const reportFor = (ruleId: string) => (report: { pointer: string; messageId: string; data?: Record<string, string | number>; target?: 'key' | 'value'; severity?: 'error' | 'warning' | 'notice' }) => {
      findings.push({
        ruleId,
        messageId: report.messageId,
        data: report.data ?? {},
        file: entry.file,
        pointer: `${entry.pointer}${report.pointer}`,
        target: report.target,
        severity: report.severity,
        entryId: entry.id,
      });
    };

    if (ruleSetting(setup.config, 'schema', entry.file).severity !== 'off') validateEntry(entry, setup.schema, reportFor('schema'));
    for (const rule of RULES) {
      if (!rule.checkEntry) continue;
      const setting = ruleSetting(setup.config, rule.meta.id, entry.file);
      if (setting.severity === 'off') continue;
      rule.checkEntry(entry, { options: setting.options, now, report: reportFor(rule.meta.id) });
    }
  }
  for (const [file, { checked, total }] of stopped) {
    findings.push({
      ruleId: 'file-too-large',
      messageId: 'time-limit',
      data: { seconds: setup.config.limits.maxSecondsPerFile, checked, total },
      file,
      pointer: '',
      offset: { start: 0, end: 0 },
    });
  }
  return findings;
}

function runChangeRules(change: ChangeSet, config: Config): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of RULES) {
    if (!rule.checkChange) continue;
    const setting = ruleSetting(config, rule.meta.id, '');
    if (setting.severity === 'off') continue;
    rule.checkChange(change, { options: setting.options, report: (finding) => findings.push({ ...finding, ruleId: rule.meta.id }) });
  }
  return findings;
}

interface ReadChange {
  revisions: Revisions;
  setup: TrustedSetup;
  sides: Sides;
}

/** Opens both revisions, loads the trusted setup at base, and reads the selected files of both sides. */
async function readChange(options: CheckOptions): Promise<ReadChange> {
  const revisions = await openRevisions(options);
  const setup = await loadTrustedSetup(revisions.base ?? revisions.head, {
    configPath: options.config,
    schema: options.schema,
    allowLocalSchema: options.allowLocalSchema ?? false,
    cwd: options.repo,
  });
  const filter = selection(setup.config, options);

  const renames = revisions.base ? await listRenames(revisions.root, revisions.base.label, renameTarget(revisions.head)) : [];
  const maxBytes = Number(ruleSetting(setup.config, 'file-too-large', '').options['max-bytes']);
  const entryFields = ruleSetting(setup.config, 'file-shape', '').options['entry-fields'] as string[];
  const parseOptions = { maxFileBytes: maxBytes, maxDepth: setup.config.limits.maxDepth, entryFields };
  const sides = await readSides(revisions.base, revisions.head, filter, parseOptions, renames);

  // Globs someone wrote that match nothing are a typo, not a clean result; the defaults may match nothing yet.
  const globs = options.files && options.files.length > 0 ? options.files : setup.config.files;
  const explicit = globs !== setup.config.files || setup.config.files.join('\n') !== DEFAULT_FILES.join('\n');
  if (explicit && sides.base.size === 0 && sides.head.size === 0) throw new ConfigError('no-files-match', { globs: globs.map((glob) => JSON.stringify(glob)).join(', ') });
  return { revisions, setup, sides };
}

interface Classified {
  baseEntries: Entry[];
  headEntries: Entry[];
  diff: EntryDiff;
  /** New and changed entries, the ones entry rules check. */
  checked: Entry[];
}

function classifyEntries(sides: Sides): Classified {
  const baseEntries = allEntries(sides.base);
  const headEntries = allEntries(sides.head);
  const diff = diffEntries(baseEntries, headEntries, sides.renames);
  // Entries of a file that head cannot parse are unknown, not removed: the syntax finding explains why.
  const unreadable = new Set([...sides.head.values()].filter((file) => file.value === undefined).map((file) => sides.renames.get(file.path) ?? file.path));
  diff.removed = diff.removed.filter((entry) => !unreadable.has(entry.file));
  const checked = [...diff.added, ...diff.modified.map((pair) => pair.head)];
  return { baseEntries, headEntries, diff, checked };
}

export async function checkRepository(options: CheckOptions): Promise<Report> {
  const now = options.now ?? new Date();
  const { revisions, setup, sides } = await readChange(options);
  const { baseEntries, headEntries, diff, checked } = classifyEntries(sides);

  const locator = new Locator(sides.head);
  const raw: RawFinding[] = [];
  const changedPaths = new Set(sides.changes.filter((change) => change.status !== 'deleted').map((change) => change.path));
  for (const path of changedPaths) appendAll(raw, sides.head.get(path)?.findings ?? []);
  appendAll(raw, runEntryRules(checked, sides, setup, locator, now));

  const collector = new ComparisonCollector();
  const change: ChangeSet = {
    baseFiles: sides.base,
    headFiles: sides.head,
    checked,
    baseEntries,
    headEntries,
    removed: diff.removed,
    modified: diff.modified,
    touchedPaths: await touchedPaths(revisions, [...setup.watchedPaths.config, ...setup.watchedPaths.schema]),
    schemaPaths: setup.watchedPaths.schema,
    configPaths: setup.watchedPaths.config,
    labels: options.labels ?? [],
    comparison: {
      keyFields: setup.config.comparison.key ?? defaultComparisonSettings().keyFields,
      acknowledgements: setup.config.comparison.acknowledgements,
      acknowledgeLabel: setup.config.comparison.acknowledgeLabel,
      collector,
    },
  };
  appendAll(raw, runChangeRules(change, setup.config));

  const context = { config: setup.config, locale: options.locale, now, files: sides.head, locator };
  const findings = raw.map((finding) => resolveFinding(finding, context)).filter((finding) => finding !== undefined);

  return buildReport({
    base: revisions.base?.label ?? '',
    head: revisions.headLabel,
    locale: options.locale,
    findings,
    sides,
    diff,
    maxFindingsPerFile: setup.config.limits.maxFindingsPerFile,
    comparisons: collector.comparisons((file, pointer) => {
      const parsed = sides.head.get(file);
      return parsed ? parsed.lines.position(locator.range(file, pointer).start).line : 1;
    }),
    uncompared: collector.uncomparedEntries(),
  });
}
