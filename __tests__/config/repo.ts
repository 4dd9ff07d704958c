/** Temporary git repositories and a valid data model v1 entry, for end-to-end configuration tests. */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  write(path: string, text: string): void;
  commit(message: string): string;
  remove(): void;
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
}

export function createRepo(): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'leaderboard-check-config-'));
  git(dir, ['init', '-q', '-b', 'main']);
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
      return git(dir, ['rev-parse', 'HEAD']);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds a single-GPU entry that satisfies the built-in schema and every entry rule. */
export function validEntry(id: string, overrides: (entry: Record<string, any>) => void = () => undefined): Record<string, any> {
  const entry: Record<string, any> = {
    entry_id: id,
    sagellm_version: '0.4.0.1',
    config_type: 'single_gpu',
    hardware: { vendor: 'NVIDIA', chip_model: 'A100-80GB', chip_count: 1, intra_node_interconnect: 'None', memory_per_chip_gb: 80, total_memory_gb: 80 },
    model: { name: 'Qwen2-7B', parameters: '7B', precision: 'BF16', quantization: null },
    // A different input length per id keeps entries from looking like one result submitted twice.
    workload: { input_length: 512 * (Number.parseInt(id[0], 16) || 1), output_length: 128, batch_size: 1, concurrent_requests: 1, dataset: 'sharegpt' },
    metrics: { ttft_ms: 45.2, tbt_ms: 12.1, tpot_ms: 12.1, throughput_tps: 82.6, peak_mem_mb: 16384, error_rate: 0 },
    cluster: null,
    versions: { protocol: '0.4.0.1', backend: '0.4.0.1', core: '0.4.0.1' },
    environment: { os: 'Ubuntu 22.04', python_version: '3.11', cuda_version: '12.1', cann_version: null },
    metadata: { submitted_at: '2026-01-28T10:30:00Z', submitter: 'sageLLM team', data_source: 'automated-benchmark', reproducible_cmd: 'sage-llm benchmark --model Qwen2-7B' },
  };
  overrides(entry);
  return entry;
}

export const ID_A = '11111111-1111-4111-8111-111111111111';
export const ID_B = '22222222-2222-4222-8222-222222222222';
export const ID_C = '33333333-3333-4333-8333-333333333333';

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
