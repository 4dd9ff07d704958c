'use strict';
/**
 * Generates leaderboard entries for the benchmark: valid against the
 * built-in v1 schema and consistent with the cross-field rules, with values
 * varied by a seeded generator so every run of the bench
 * measures the same data.
 */

/** mulberry32: small, fast and good enough to vary benchmark data. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    real: (min, max, digits) => Number((min + next() * (max - min)).toFixed(digits)),
    hex: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += '0123456789abcdef'[Math.floor(next() * 16)];
      return out;
    },
  };
}

function uuid(random) {
  return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${random.hex(3)}-${random.hex(12)}`;
}

const CHIPS = [
  { vendor: 'NVIDIA', chip_model: 'A100-80GB', memory: 80, interconnect: 'NVLink' },
  { vendor: 'NVIDIA', chip_model: 'H100-SXM', memory: 80, interconnect: 'NVLink' },
  { vendor: 'NVIDIA', chip_model: 'L40S', memory: 48, interconnect: 'PCIe' },
  { vendor: 'Huawei', chip_model: 'Ascend 910B', memory: 64, interconnect: 'HCCS' },
  { vendor: 'Huawei', chip_model: 'Ascend 910C', memory: 128, interconnect: 'HCCS' },
];
const MODELS = [
  { name: 'Qwen2.5-7B-Instruct', parameters: '7B' },
  { name: 'Qwen2.5-72B-Instruct', parameters: '72B' },
  { name: 'Llama-3.1-8B-Instruct', parameters: '8B' },
  { name: 'Llama-3.1-70B-Instruct', parameters: '70B' },
  { name: 'DeepSeek-V3', parameters: '671B' },
];
const PRECISIONS = [
  { precision: 'BF16', quantization: null },
  { precision: 'FP16', quantization: null },
  { precision: 'INT8', quantization: 'w8a8' },
  { precision: 'INT4', quantization: 'awq' },
];
const DATASETS = ['sharegpt', 'longbench', 'random', null];
const SUBMITTERS = ['ci-bot', 'perf-team', 'alice', 'bob', 'release-pipeline'];

function version(random) {
  return `0.${random.int(1, 9)}.${random.int(0, 20)}.${random.int(0, 99)}`;
}

/** Builds one entry; `serial` only varies the values, the seed fixes them. */
function makeEntry(random, serial) {
  const chip = random.pick(CHIPS);
  const configType = random.pick(['single_gpu', 'multi_gpu', 'multi_gpu', 'multi_node']);
  let chipCount = 1;
  let chipsPerNode = null;
  let cluster = null;
  if (configType === 'multi_gpu') {
    chipCount = random.pick([2, 4, 8]);
    chipsPerNode = chipCount;
  } else if (configType === 'multi_node') {
    chipsPerNode = 8;
    const nodes = random.pick([2, 4]);
    chipCount = nodes * chipsPerNode;
    const tensor = 8;
    const pipeline = random.pick([1, nodes]);
    cluster = {
      node_count: nodes,
      comm_backend: chip.vendor === 'NVIDIA' ? 'nccl' : 'hccl',
      inter_node_network: random.pick(['InfiniBand', 'RoCE']),
      network_bandwidth_gbps: random.pick([200, 400]),
      topology_type: random.pick(['ring', 'tree', 'fat-tree']),
      parallelism: { tensor_parallel: tensor, pipeline_parallel: pipeline, data_parallel: chipCount / tensor / pipeline },
    };
  }

  const model = random.pick(MODELS);
  const precision = random.pick(PRECISIONS);
  const totalMemory = chip.memory * chipCount;
  const ttft = random.real(5, 2000, 3);
  const tpot = random.real(5, 120, 3);
  const concurrency = random.pick([1, 4, 16, 64]);
  const kvTokens = random.int(1000, 2000000);
  const nvidia = chip.vendor === 'NVIDIA';
  const day = 1 + (serial % 28);
  const month = 1 + (serial % 12);
  const pad = (value) => String(value).padStart(2, '0');

  return {
    entry_id: uuid(random),
    sagellm_version: `0.${random.int(1, 9)}.${random.int(0, 20)}`,
    config_type: configType,
    hardware: {
      vendor: chip.vendor,
      chip_model: chip.chip_model,
      chip_count: chipCount,
      chips_per_node: chipsPerNode,
      intra_node_interconnect: configType === 'single_gpu' ? 'None' : chip.interconnect,
      memory_per_chip_gb: chip.memory,
      total_memory_gb: totalMemory,
    },
    model: { name: model.name, parameters: model.parameters, precision: precision.precision, quantization: precision.quantization },
    workload: {
      input_length: random.pick([128, 512, 1024, 2048, 4096, 8192]),
      output_length: random.pick([128, 256, 512, 1024]),
      batch_size: random.pick([1, 8, 32, null]),
      concurrent_requests: concurrency,
      dataset: random.pick(DATASETS),
    },
    metrics: {
      ttft_ms: ttft,
      tbt_ms: random.real(5, 120, 3),
      tpot_ms: tpot,
      throughput_tps: Number(((1000 / tpot) * concurrency).toFixed(3)),
      peak_mem_mb: random.int(1024, Math.floor(totalMemory * 1024 * 0.95)),
      error_rate: random.real(0, 0.02, 4),
      prefix_hit_rate: random.pick([null, random.real(0, 1, 4)]),
      kv_used_tokens: kvTokens,
      kv_used_bytes: kvTokens * random.pick([131072, 163840, 327680]),
      evict_count: random.int(0, 5000),
      evict_ms: random.real(0, 500, 2),
      spec_accept_rate: random.pick([null, random.real(0.3, 0.9, 4)]),
    },
    cluster,
    versions: {
      protocol: version(random),
      backend: version(random),
      core: version(random),
      control_plane: version(random),
      gateway: version(random),
      kv_cache: version(random),
      comm: cluster ? version(random) : null,
      compression: null,
      benchmark: version(random),
    },
    environment: {
      os: random.pick(['Ubuntu 22.04', 'Ubuntu 24.04', 'openEuler 22.03']),
      python_version: random.pick(['3.10.14', '3.11.9', '3.12.4']),
      pytorch_version: random.pick(['2.4.0', '2.5.1']),
      cuda_version: nvidia ? random.pick(['12.1', '12.4']) : null,
      cann_version: nvidia ? null : random.pick(['8.0.RC2', '8.0.RC3']),
      driver_version: nvidia ? '550.54.15' : '24.1.rc2',
    },
    kv_cache_config: {
      enabled: true,
      eviction_policy: random.pick(['lru', 'lfu', 'fifo']),
      budget_tokens: random.pick([65536, 131072, 262144]),
      prefix_cache_enabled: random.next() < 0.5,
    },
    metadata: {
      submitted_at: `202${random.int(3, 5)}-${pad(month)}-${pad(day)}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:00+08:00`,
      submitter: random.pick(SUBMITTERS),
      data_source: random.pick(['ci', 'manual', 'nightly']),
      reproducible_cmd: `sagellm bench --model ${model.name} --chips ${chipCount} --input ${serial % 4096} --concurrency ${concurrency}`,
      git_commit: random.hex(40),
      release_date: `2024-${pad(month)}-${pad(day)}`,
      changelog_url: `https://example.com/sagellm/releases/${serial}`,
      notes: random.pick([null, 'nightly run', 'release candidate', 'after kernel update']),
      verified: random.pick([true, false, null]),
    },
  };
}

/**
 * Scales the example's metrics together, so the varied entry stays
 * self-consistent: latencies by one factor, KV tokens and bytes by another,
 * and throughput within what the concurrency allows at the new tpot_ms.
 */
function varyMetrics(random, metrics, entry) {
  const latency = 0.5 + random.next();
  const cache = 0.5 + random.next();
  const varied = { ...metrics };
  const scale = (name, factor, digits) => {
    if (typeof varied[name] === 'number') varied[name] = Number((varied[name] * factor).toFixed(digits));
  };
  for (const name of ['ttft_ms', 'tbt_ms', 'tpot_ms', 'evict_ms']) scale(name, latency * (0.97 + random.next() * 0.06), 3);
  for (const name of ['kv_used_tokens', 'kv_used_bytes', 'evict_count']) scale(name, cache, 0);
  for (const name of ['error_rate', 'prefix_hit_rate', 'spec_accept_rate']) {
    if (typeof varied[name] === 'number') varied[name] = Number(Math.min(1, varied[name] * (0.5 + random.next())).toFixed(4));
  }

  const streams = Math.max(entry.workload.concurrent_requests ?? 1, entry.workload.batch_size ?? 1);
  if (typeof varied.tpot_ms === 'number' && varied.tpot_ms > 0) {
    varied.throughput_tps = Number((((streams * 1000) / varied.tpot_ms) * (0.6 + random.next() * 0.35)).toFixed(3));
  }
  if (typeof varied.peak_mem_mb === 'number') {
    const total = typeof entry.hardware?.total_memory_gb === 'number' ? entry.hardware.total_memory_gb * 1024 : Infinity;
    varied.peak_mem_mb = Math.max(1, Math.min(Math.round(varied.peak_mem_mb * (0.5 + random.next())), Math.floor(total * 0.98)));
  }
  return varied;
}

/**
 * Varies one of the project's example entries in identity, model, workload,
 * metrics and metadata. Hardware, cluster and versions stay as the example
 * has them, so the entry still passes the cross-field rules.
 */
function varyExample(random, example, serial) {
  const entry = structuredClone(example);
  const model = random.pick(MODELS);
  const precision = random.pick(PRECISIONS);
  const pad = (value) => String(value).padStart(2, '0');
  entry.entry_id = uuid(random);
  entry.model = { ...entry.model, name: model.name, parameters: model.parameters, precision: precision.precision, quantization: precision.quantization };
  entry.workload = {
    ...entry.workload,
    input_length: random.pick([128, 512, 1024, 2048, 4096, 8192]),
    output_length: random.pick([128, 256, 512, 1024]),
    batch_size: random.pick([1, 4, 8, 32]),
    concurrent_requests: random.pick([1, 4, 8, 16, 64]),
    dataset: random.pick(DATASETS),
  };
  entry.metrics = varyMetrics(random, entry.metrics, entry);
  entry.metadata = {
    ...entry.metadata,
    submitted_at: `202${random.int(3, 5)}-${pad(1 + (serial % 12))}-${pad(1 + (serial % 28))}T${pad(random.int(0, 23))}:${pad(random.int(0, 59))}:00Z`,
    submitter: random.pick(SUBMITTERS),
    reproducible_cmd: `sage-llm benchmark --model ${model.name} --input-len ${entry.workload.input_length} --output-len ${entry.workload.output_length} --concurrent ${entry.workload.concurrent_requests}`,
    git_commit: random.hex(40),
  };
  return entry;
}

/** Reads the example entries of `directory`, or returns an empty list when there are none. */
function readExamples(directory) {
  const fs = require('node:fs');
  const path = require('node:path');
  let names;
  try {
    names = fs.readdirSync(directory).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')));
}

/**
 * Builds a base of `count` entries and a head that changes the metrics of 1%
 * of them in place and appends `added` new entries (1% unless given).
 */
function makeCase(count, options = {}) {
  const added = options.added ?? Math.max(1, Math.round(count / 100));
  const examples = options.examples ?? [];
  const random = createRandom(0x5eed + count);
  const make = (serial) => (examples.length > 0 ? varyExample(random, examples[serial % examples.length], serial) : makeEntry(random, serial));
  const base = [];
  for (let i = 0; i < count; i++) base.push(make(i));

  const head = base.slice();
  const changed = Math.max(1, Math.round(count / 100));
  const step = Math.floor(count / changed);
  for (let k = 0; k < changed; k++) {
    const index = k * step;
    const entry = structuredClone(base[index]);
    entry.metrics.ttft_ms = Number((entry.metrics.ttft_ms * 1.07).toFixed(3));
    entry.metrics.throughput_tps = Number((entry.metrics.throughput_tps * 0.96).toFixed(3));
    head[index] = entry;
  }
  for (let k = 0; k < added; k++) head.push(make(count + k));
  return { base, head, changed, added };
}

/** Serialises entries as the data producers do: an array, two-space indent, final newline. */
function serialise(entries) {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

module.exports = { makeCase, makeEntry, varyExample, readExamples, createRandom, serialise };
