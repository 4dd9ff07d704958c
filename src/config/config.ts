/** The checker's configuration: defaults, and the typed form every stage reads. */

import type { SeveritySetting } from '../core/types';

export interface RuleSetting {
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

export interface Suppression {
  rule: string;
  entry: string;
  reason: string;
  /** Last day (YYYY-MM-DD) the suppression applies. */
  expires?: string;
}

export interface Override {
  files: string[];
  rules: Map<string, RuleSetting>;
}

export interface Acknowledgement {
  entry: string;
  metric?: string;
  reason: string;
}

export interface Config {
  /** Where the configuration was read, or undefined for the defaults. */
  source?: string;
  files: string[];
  exclude: string[];
  schema?: string;
  rules: Map<string, RuleSetting>;
  overrides: Override[];
  suppressions: Suppression[];
  comparison: {
    key?: string[];
    acknowledgeLabel?: string;
    acknowledgements: Acknowledgement[];
  };
  limits: {
    maxFindingsPerFile: number;
    maxDepth: number;
    /** Time for checking the entries of one file before the rest is left unchecked and reported. */
    maxSecondsPerFile: number;
  };
}

export const DEFAULT_FILES = ['data/**/*.json'];
export const DEFAULT_EXCLUDE = ['**/schemas/**'];
export const DEFAULT_SCHEMA_PATH = 'data/schemas/leaderboard_v1.schema.json';
export const DEFAULT_CONFIG_PATHS = ['.github/leaderboard-check.yml', '.github/leaderboard-check.yaml', '.github/leaderboard-check.json', '.github/leaderboard-check.jsonc'];

export function defaultConfig(): Config {
  return {
    files: [...DEFAULT_FILES],
    exclude: [...DEFAULT_EXCLUDE],
    rules: new Map(),
    overrides: [],
    suppressions: [],
    comparison: { acknowledgements: [] },
    limits: { maxFindingsPerFile: 10_000, maxDepth: 64, maxSecondsPerFile: 120 },
  };
}
