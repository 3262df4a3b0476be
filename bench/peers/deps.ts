/**
 * The peer frameworks are not dependencies of radsim: `bench/peers/run.ts` installs them with
 * npm into bench/peers/.deps (ignored by git) at the pinned versions below, and the peer scripts
 * import them from there by path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PEERS_DIR } from './graph.ts';

export const DEPS_DIR = resolve(PEERS_DIR, '.deps');
export const PEER_PACKAGES = { flocc: '0.7.0', agentscript: '0.10.27' } as const;
export type PeerPackage = keyof typeof PEER_PACKAGES;

/** Entry files used: Flocc's ES module build, AgentScript's bundled ES module (dist). */
const ENTRY: Record<PeerPackage, string> = {
  flocc: 'node_modules/flocc/dist/flocc.es.js',
  agentscript: 'node_modules/agentscript/dist/agentscript.js',
};

export function installedVersion(pkg: PeerPackage): string | undefined {
  const path = resolve(DEPS_DIR, 'node_modules', pkg, 'package.json');
  if (!existsSync(path)) return undefined;
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

/** npm install --prefix bench/peers/.deps flocc@X agentscript@Y, unless those versions are there. */
export function ensurePeerDeps(): void {
  const missing = (Object.keys(PEER_PACKAGES) as PeerPackage[]).filter((p) => installedVersion(p) !== PEER_PACKAGES[p]);
  if (missing.length === 0) return;
  const specs = missing.map((p) => `${p}@${PEER_PACKAGES[p]}`);
  process.stderr.write(`peers: npm install --prefix ${DEPS_DIR} ${specs.join(' ')}\n`);
  const r = spawnSync(
    'npm',
    ['install', '--prefix', DEPS_DIR, '--no-audit', '--no-fund', '--no-package-lock', ...specs],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`npm install of ${specs.join(' ')} failed (exit ${r.status})`);
}

// biome-ignore lint/suspicious/noExplicitAny: the peer packages ship no types
export async function importPeer(pkg: PeerPackage): Promise<any> {
  const path = resolve(DEPS_DIR, ENTRY[pkg]);
  if (!existsSync(path))
    throw new Error(`${pkg} is not installed in ${DEPS_DIR}; run npm run bench:peers (it installs it)`);
  return import(pathToFileURL(path).href);
}
