/**
 * Self time per function of a V8 .cpuprofile (as written by `node --cpu-prof`), largest first: the
 * first look at a profile when a target is missed.
 *
 *   npx tsx bench/lib/profile-summary.ts PROFILE.cpuprofile [HOW_MANY]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export function topFunctions(path: string, limit = 15): { name: string; share: number }[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const counts = new Map<number, number>();
  for (const sample of profile.samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = counts.get(node.id) ?? 0;
    if (hits === 0) continue;
    const file = node.callFrame.url.replace(/^.*\/(node_modules\/)?/, '');
    const name = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + hits);
  }
  const total = profile.samples.length;
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, hits]) => ({ name, share: hits / total }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, share } of topFunctions(process.argv[2], Number(process.argv[3] ?? 20))) {
    console.log(`${(share * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
}
