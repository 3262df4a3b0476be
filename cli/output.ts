/**
 * Output folders (`--out DIR`): checked and created before anything runs, and written so that
 * an interruption at any moment (even SIGKILL) leaves either the previous complete set of
 * radsim's files or the new one, never a mix.
 *
 * A set of result files is written as a unit:
 *   1. every file, and the manifest DIR/radsim-files.json (name -> SHA-256), is written into a
 *      staging folder DIR/.radsim-set.radsim-<host>-<pid>-<random>.tmp;
 *   2. the staging folder is renamed to DIR/.radsim-commit: the commit point (one rename);
 *   3. the commit is rolled forward: the old manifest goes, the files of the old set that the
 *      new one lacks are deleted, the new files are renamed into DIR, the manifest comes last.
 * Step 3 is idempotent; every radsim command that opens DIR first finishes a commit that an
 * interruption left half done (`recoverOutput`). So DIR holds a complete set exactly when it
 * has a radsim-files.json and no .radsim-commit; the manifest's checksums say which files
 * belong to it.
 *
 * radsim only ever deletes or replaces files it wrote: those listed in the manifest (or, in a
 * folder written before manifests, its fixed file names when the folder is recognisably its
 * output), and its own temporary files. A file of the same name that radsim did not write
 * stops the command before anything runs.
 */
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { sha256 } from './checksum.ts';

/** A problem with an output folder, found before anything ran or while writing (exit code 1). */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

export const MANIFEST = 'radsim-files.json';
export const MANIFEST_FORMAT = 'radsim-files/1';
const COMMIT = '.radsim-commit';
const OBSOLETE = '.obsolete.json';

export interface Manifest {
  format: string;
  /** The command that wrote the set ("run", "compare", "sweep", "merge"). */
  command: string;
  /** ISO time the set was written. */
  written: string;
  /** File name -> SHA-256 of its content, in hex. */
  files: Record<string, string>;
}

const HOST = hostname().replace(/[^A-Za-z0-9-]/g, '_');

/** A temporary name for `path`, unique to this host and process, that `removeTemporaryFiles` recognises. */
export function temporaryName(path: string): string {
  return `${path}.radsim-${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

const TEMPORARY = /\.radsim-(.+)-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Writes `text` (or bytes) to `path` through a temporary file and a rename, so no reader sees half a file. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const tmp = temporaryName(path);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

function writeError(path: string, err: unknown): OutputError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the file system is read-only',
    ENOENT: 'the folder disappeared or does not allow files',
    ENOTDIR: 'a part of the path is a file',
    EISDIR: 'a folder of that name is in the way',
  };
  return new OutputError(`cannot write ${path}: ${why[code] ?? (err as Error).message}${code ? ` (${code})` : ''}`);
}

/**
 * Checks that `out` is, or can be made, a folder radsim can write in, and creates it with its
 * parents. Throws an OutputError naming the option and the problem. Never uses a recursive
 * mkdir: Node's loops forever under /proc.
 */
export function prepareOutputFolder(out: string, option = '--out'): void {
  const abs = resolve(out);
  const missing: string[] = [];
  let p = abs;
  for (;;) {
    let isDir: boolean | null = null;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: a part above is a file; the walk up finds it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new OutputError(`${option} ${out}: cannot look at ${p} (${(err as Error).message})`);
    }
    if (isDir === false)
      throw new OutputError(
        p === abs
          ? `${option} ${out} is a file, not a folder; name a folder for the results`
          : `${option} ${out}: ${p} is a file, so no folder can be made under it`,
      );
    if (isDir) break;
    missing.unshift(p);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      throw new OutputError(`${option} ${out}: cannot create the folder ${dir} (${describeCode(err)})`);
    }
  }
  const probe = temporaryName(join(abs, '.radsim-probe'));
  try {
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (err) {
    rmSync(probe, { force: true });
    throw new OutputError(`${option} ${out}: cannot write in this folder (${describeCode(err)})`);
  }
}

function describeCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied, ${code}`;
  if (code === 'EROFS') return 'read-only file system, EROFS';
  if (code === 'ENOENT') return 'this file system does not allow it, ENOENT';
  return (err as Error).message;
}

/** True when a process of this pid runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes radsim's temporary files and staging folders left in `dir` by interrupted processes:
 * those of dead processes on this host, and with `exclusive` (no other machine writes here)
 * those of other hosts too. Files of processes still running are left alone. `legacy` matches
 * the temporary names of older radsim versions, removed with `exclusive` only.
 */
export function removeTemporaryFiles(dir: string, exclusive: boolean, legacy?: RegExp): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const f of readdirSync(dir)) {
    const m = TEMPORARY.exec(f);
    let stale = false;
    if (m) stale = m[1] === HOST ? !alive(Number(m[2])) : exclusive;
    else if (legacy && exclusive) stale = legacy.test(f);
    if (stale) {
      rmSync(join(dir, f), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (m?.format === MANIFEST_FORMAT && m.files && typeof m.files === 'object') return m;
  } catch {
    // unreadable: treated as absent (it is only ever replaced whole)
  }
  throw new OutputError(`${path} is damaged or not a radsim manifest; move it away or choose another folder`);
}

/**
 * Names of the files in `dir` that radsim wrote: those of its manifest, or without one the
 * `legacy` names that exist (for folders written before manifests).
 */
export function ownedFiles(dir: string, legacy: readonly string[] = []): Set<string> {
  recoverOutput(dir);
  const m = readManifest(dir);
  if (m) return new Set(Object.keys(m.files));
  return new Set(legacy.filter((n) => existsSync(join(dir, n))));
}

/**
 * Stops before anything runs if `dir` holds a file that a new set would replace but that radsim
 * did not write.
 */
export function checkNoForeignFiles(dir: string, names: readonly string[], owned: Set<string>, option = '--out'): void {
  const foreign = names.filter((n) => existsSync(join(dir, n)) && !owned.has(n));
  if (foreign.length)
    throw new OutputError(
      `${option} ${dir} holds ${foreign.join(', ')}, which radsim did not write (no ${MANIFEST} lists ${foreign.length > 1 ? 'them' : 'it'}); radsim will not replace it. Move ${foreign.length > 1 ? 'them' : 'it'} away or choose another folder`,
    );
}

/** Finishes a set that an interruption left half moved into `dir` (idempotent). */
export function recoverOutput(dir: string): void {
  const commit = join(dir, COMMIT);
  if (!existsSync(commit)) return;
  const manifestPath = join(commit, MANIFEST);
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const obsolete = JSON.parse(readFileSync(join(commit, OBSOLETE), 'utf8')) as string[];
    rmSync(join(dir, MANIFEST), { force: true });
    for (const name of obsolete) if (!(name in manifest.files)) rmSync(join(dir, name), { force: true });
    for (const name of Object.keys(manifest.files)) {
      const from = join(commit, name);
      if (existsSync(from)) renameSync(from, join(dir, name));
    }
    renameSync(manifestPath, join(dir, MANIFEST));
  }
  rmSync(commit, { recursive: true, force: true });
}

/**
 * Writes `files` (name -> text) into `dir` as one set, replacing the set radsim wrote there
 * before (`owned`, from ownedFiles): afterwards no file of the earlier set survives beside the
 * new ones. Returns the names written.
 */
export function writeFileSet(
  dir: string,
  command: string,
  files: Record<string, string>,
  owned: ReadonlySet<string>,
): string[] {
  recoverOutput(dir);
  const stage = temporaryName(join(dir, '.radsim-set'));
  const names = Object.keys(files);
  try {
    mkdirSync(stage);
    const manifest: Manifest = { format: MANIFEST_FORMAT, command, written: new Date().toISOString(), files: {} };
    for (const name of names) {
      writeFileSync(join(stage, name), files[name]);
      manifest.files[name] = sha256(files[name]);
    }
    writeFileSync(join(stage, OBSOLETE), `${JSON.stringify([...owned].filter((n) => n !== MANIFEST))}\n`);
    writeFileSync(join(stage, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(stage, join(dir, COMMIT));
  } catch (err) {
    rmSync(stage, { recursive: true, force: true });
    throw writeError(dir, err);
  }
  recoverOutput(dir);
  return names;
}

/** Deletes the set radsim wrote in `dir` (`owned`) and its manifest; other files stay. */
export function removeFileSet(dir: string, owned: ReadonlySet<string>): void {
  recoverOutput(dir);
  rmSync(join(dir, MANIFEST), { force: true });
  for (const name of owned) rmSync(join(dir, name), { force: true });
}

/** JSON as radsim writes it: two-space indents, a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
