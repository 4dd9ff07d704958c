/** Loading the configuration and the schema from the base revision, where a pull request cannot change them. */

import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_CONFIG_PATHS, DEFAULT_SCHEMA_PATH, defaultConfig, type Config } from '../config/config';
import { parseConfig } from '../config/load';
import type { Snapshot, SnapshotFile } from '../git/snapshot';
import { BUILTIN, compileBuiltinSchema, compileSchemaText, type CompiledSchema } from '../schema/load';
import { ConfigError } from './errors';

async function readFromSnapshot(snapshot: Snapshot | undefined, files: SnapshotFile[] | undefined, path: string): Promise<string | undefined> {
  const file = files?.find((candidate) => candidate.path === path);
  if (!snapshot || !file) return undefined;
  if (file.symlink) throw new ConfigError('config-symlink', { path, revision: snapshot.label });
  return (await snapshot.read(file)).toString('utf8');
}

export interface TrustedSetup {
  config: Config;
  configPath?: string;
  schema: CompiledSchema;
  /** The repository path of the schema, when it came from the repository. */
  schemaPath?: string;
  /** Paths whose change at head changes the rules after a merge: every configuration candidate and the schema path. */
  watchedPaths: { config: string[]; schema: string[] };
}

export interface SetupOptions {
  configPath?: string;
  schema?: string;
  /** Let an explicit --schema name a file outside git (CLI use; never in the Action). */
  allowLocalSchema: boolean;
  /** Directory that a local schema path is relative to. */
  cwd: string;
}

/**
 * Reads the configuration and schema at base. Without a base (checking every
 * file, or a repository with one commit) they are read from head.
 */
export async function loadTrustedSetup(trusted: Snapshot, options: SetupOptions): Promise<TrustedSetup> {
  const files = await trusted.list();

  let config = defaultConfig();
  let configPath: string | undefined;
  const configCandidates = options.configPath ? [options.configPath] : DEFAULT_CONFIG_PATHS;
  for (const candidate of configCandidates) {
    const text = await readFromSnapshot(trusted, files, candidate);
    if (text === undefined) continue;
    config = parseConfig(text, candidate);
    configPath = candidate;
    break;
  }
  if (options.configPath && !configPath) {
    throw new ConfigError('config-not-found', { path: options.configPath, revision: trusted.label });
  }

  const schemaSetting = options.schema ?? config.schema;
  // A configuration or schema that head adds, renames or deletes matters as much as one it edits.
  const watchedPaths = { config: [...configCandidates], schema: schemaSetting === BUILTIN ? [] : [schemaSetting ?? DEFAULT_SCHEMA_PATH] };
  if (schemaSetting === BUILTIN) return { config, configPath, schema: compileBuiltinSchema(), watchedPaths };

  const schemaPath = schemaSetting ?? DEFAULT_SCHEMA_PATH;
  const text = await readFromSnapshot(trusted, files, schemaPath);
  if (text !== undefined) return { config, configPath, schema: compileSchemaText(text, schemaPath), schemaPath, watchedPaths };

  if (options.schema && options.allowLocalSchema) {
    const local = isAbsolute(options.schema) ? options.schema : resolve(options.cwd, options.schema);
    let localText: string;
    try {
      localText = await readFile(local, 'utf8');
    } catch {
      throw new ConfigError('schema-not-found-local', { path: options.schema, revision: trusted.label });
    }
    return { config, configPath, schema: compileSchemaText(localText, options.schema), watchedPaths };
  }
  if (schemaSetting !== undefined) {
    throw new ConfigError('schema-not-found', { path: schemaSetting, revision: trusted.label });
  }
  return { config, configPath, schema: compileBuiltinSchema(), watchedPaths };
}
