/** The registry of every rule, in catalogue order. */

import { chipCountTopology } from './chip-count-topology';
import { chipsPerNodeRequired } from './chips-per-node-required';
import { clusterNodeCount } from './cluster-node-count';
import { commVersionRequired } from './comm-version-required';
import { configTypeConsistency } from './config-type-consistency';
import { duplicateEntryId } from './duplicate-entry-id';
import { duplicateKey } from './duplicate-key';
import { duplicateResult } from './duplicate-result';
import { entriesRemoved } from './entries-removed';
import { entryModified } from './entry-modified';
import { fileEncoding } from './file-encoding';
import { fileShape } from './file-shape';
import { fileTooLarge } from './file-too-large';
import { jsonSyntax } from './json-syntax';
import { memoryConsistency } from './memory-consistency';
import { metricConsistency } from './metric-consistency';
import { metricOutlier } from './metric-outlier';
import { metricRegression } from './metric-regression';
import { parallelismChipCount } from './parallelism-chip-count';
import { platformToolkitVersion } from './platform-toolkit-version';
import { reproducibleCmd } from './reproducible-cmd';
import type { RuleDefinition } from './rule';
import { schemaChanged } from './schema-changed';
import { schemaRule } from './schema';
import { submittedAtFuture } from './submitted-at-future';

export const RULES: readonly RuleDefinition[] = [
  jsonSyntax,
  duplicateKey,
  fileShape,
  fileEncoding,
  fileTooLarge,
  schemaRule,
  configTypeConsistency,
  clusterNodeCount,
  commVersionRequired,
  chipsPerNodeRequired,
  chipCountTopology,
  platformToolkitVersion,
  parallelismChipCount,
  memoryConsistency,
  reproducibleCmd,
  submittedAtFuture,
  duplicateEntryId,
  duplicateResult,
  entryModified,
  entriesRemoved,
  metricRegression,
  metricOutlier,
  metricConsistency,
  schemaChanged,
];

const byId = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);
