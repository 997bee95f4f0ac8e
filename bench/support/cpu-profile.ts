/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and tells where the time went: self time by function and
 * by part of the code (a folder of src/, a dependency, Node's internals, GC, idle).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byPart: Array<{ part: string; ms: number; pct: number }>;
  topFunctions: Array<{ fn: string; ms: number; pct: number }>;
  /** Functions of this repository (src/) by inclusive time: what they and their callees took. */
  topSrcInclusive: Array<{ fn: string; ms: number; pct: number }>;
}

/** The part of the code a script URL belongs to. */
function partOf(url: string, fn: string): string {
  if (url === '') return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1]!;
  const src = /\/(src|bench|test)\/([^/]+)\//.exec(url);
  if (src) return `${src[1]}/${src[2]}`;
  return url.replace(/^.*\//, '');
}

export function summarizeCpuProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName === '' ? '(anonymous)' : n.callFrame.functionName} ${n.callFrame.url.replace(/^.*\/src\//, 'src/')}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let x: number | undefined = id; x !== undefined; x = parentOf.get(x)) {
      const n = byId.get(x);
      if (!n || !/\/src\//.test(n.callFrame.url)) continue;
      const k = label(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const parts = new Map<string, number>();
  const fns = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName === '' ? '(anonymous)' : functionName;
    const part = partOf(url, name);
    const key = `${name} ${url === '' ? '' : `${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`}`;
    parts.set(part, (parts.get(part) ?? 0) + us);
    fns.set(key, (fns.get(key) ?? 0) + us);
    total += us;
  }
  const rank = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => ({
        k,
        ms: Math.round(us / 1000),
        pct: Math.round((1000 * us) / Math.max(1, total)) / 10,
      }));
  return {
    totalMs: Math.round(total / 1000),
    byPart: rank(parts, 20).map(({ k, ms, pct }) => ({ part: k, ms, pct })),
    topFunctions: rank(fns, top).map(({ k, ms, pct }) => ({ fn: k, ms, pct })),
    topSrcInclusive: rank(inclusive, top).map(({ k, ms, pct }) => ({ fn: k, ms, pct })),
  };
}
