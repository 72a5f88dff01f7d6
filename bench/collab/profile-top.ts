// Summarizes a V8 .cpuprofile (from `run.ts --cpu-prof=DIR`): self time by function and by
// package/area, to see where a server process spends its CPU.
// Run: npx tsx bench/collab/profile-top.ts DIR/accord-100 [top=25]   (a run's folder or one file)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const [target, topArg] = process.argv.slice(2);
if (!target) {
  console.error("usage: npx tsx bench/collab/profile-top.ts FOLDER|FILE.cpuprofile [top]");
  process.exit(1);
}
/**
 * In a run's folder, the main thread's profile: V8 names it CPU.<date>.<time>.<pid>.<thread>.<n>,
 * thread 0 being the main one (others: the tsx loader, the embedded database's worker).
 */
function mainThreadProfile(folder: string): string {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(folder, f));
  const main = files.find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
  return main ?? files.sort((a, b) => statSync(b).size - statSync(a).size)[0] ?? folder;
}
const file = statSync(target).isDirectory() ? mainThreadProfile(target) : target;
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

/** A coarse area for a script URL: the npm package, or the repo folder. */
function area(url: string): string {
  if (!url) return "(native / V8)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith("node:")) return "node core";
  const repo = /\/(server|db|lib|bench|tests)\/(.+)$/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url;
}

const total = [...selfUs.values()].reduce((s, v) => s + v, 0);
const functions = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || "(anonymous)"} ${area(url)}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  areas.set(area(url), (areas.get(area(url)) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
console.log(
  `${file}: ${(total / 1000).toFixed(0)} ms of samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`,
);
console.log("\nSelf time by area:");
for (const [k, v] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(v)}  ${k}`);
console.log("\nSelf time by function:");
for (const [k, v] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
