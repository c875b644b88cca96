/**
 * Where a roster process's CPU went: `node test/bench/profile-summary.mjs <file.cpuprofile> [top]`
 * prints self time by function and by file (node_modules folded to their package), and the total
 * time under each function (self + callees), from a V8 profile taken with ROSTER_BENCH_PROFILE.
 * Idle time is left out so shares are of busy time. With `--runs`, the longest stretches of samples
 * with no idle sample between them (an upper bound of the event loop's longest turns: turns that
 * follow each other without waiting are merged) and what ran in each. With `--turns <file>` (written
 * by the bench probe beside the profile), what ran in each long turn the probe saw.
 */
import { readFileSync } from 'node:fs';

const [file, topArg, mode, turnsFile] = process.argv.slice(2);
if (!file) {
  console.error(
    'usage: node test/bench/profile-summary.mjs <file.cpuprofile> [top] [--runs | --turns <turns-PID.json>]',
  );
  process.exit(2);
}
const top = Number(topArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

// Sample deltas give each sample's time; a node's self time is the sum over its samples.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const where = (frame) => {
  const url = frame.url || '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return url.replace(/^file:\/\/.*\/out\//, 'out/');
};
const label = (frame) => `${frame.functionName || '(anonymous)'} ${where(frame)}:${frame.lineNumber + 1}`;

const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const byFunction = new Map();
const byFile = new Map();
const inclusive = new Map();
let busy = 0;
for (const [id, us] of selfUs) {
  const node = nodes.get(id);
  if (node.callFrame.functionName === '(idle)') continue;
  busy += us;
  byFunction.set(label(node.callFrame), (byFunction.get(label(node.callFrame)) ?? 0) + us);
  byFile.set(where(node.callFrame), (byFile.get(where(node.callFrame)) ?? 0) + us);
  // Count each function once per sample however often it recurses on the stack.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const name = label(nodes.get(at).callFrame);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`,
    );
  }
};
console.log(
  `busy ${(busy / 1000).toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms`,
);
print('self time by file', byFile);
print('self time by function', byFunction);
print('total time under function', inclusive);

if (mode === '--runs') {
  // Stretches of consecutive busy samples; each is summarised by time under its functions.
  const runs = [];
  let current = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = nodes.get(profile.samples[i]);
    const us = profile.timeDeltas[i] ?? 0;
    if (node.callFrame.functionName === '(idle)') {
      current = null;
      continue;
    }
    current ??= runs[runs.push({ us: 0, under: new Map() }) - 1];
    current.us += us;
    const seen = new Set();
    for (let at = node.id; at !== undefined; at = parent.get(at)) {
      const name = label(nodes.get(at).callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      current.under.set(name, (current.under.get(name) ?? 0) + us);
    }
  }
  for (const run of runs.sort((a, b) => b.us - a.us).slice(0, 5)) {
    console.log(`\nbusy stretch ${(run.us / 1000).toFixed(1)} ms`);
    for (const [name, us] of [...run.under].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    }
  }
}

if (mode === '--turns') {
  // [start µs, end µs, CPU ms] on the profile's monotonic clock; samples inside each window.
  const turns = JSON.parse(readFileSync(turnsFile, 'utf8'));
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) times.push((t += profile.timeDeltas[i] ?? 0));
  for (const [start, end, cpuMs] of [...turns].sort((a, b) => b[2] - a[2]).slice(0, 6)) {
    const under = new Map();
    for (let i = 0; i < times.length; i++) {
      if (times[i] < start || times[i] > end) continue;
      const node = nodes.get(profile.samples[i]);
      const seen = new Set();
      for (let at = node.id; at !== undefined; at = parent.get(at)) {
        const name = label(nodes.get(at).callFrame);
        if (seen.has(name)) continue;
        seen.add(name);
        under.set(name, (under.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
      }
    }
    console.log(`\nturn of ${((end - start) / 1000).toFixed(1)} ms wall, ${cpuMs} ms CPU`);
    for (const [name, us] of [...under].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    }
  }
}
