/**
 * The shape of the import graph: no circles in sim/, the scenario layer does not read the model,
 * and cli/ and web/ reach the simulator only through its public entries (web never through the
 * Node entry, which reads files). Imports are read with TypeScript's own scanner, `import type`
 * included: a type-only circle still ties two modules together for a reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => resolve(e.parentPath, e.name));
}

/** Relative imports and re-exports of a file, as repository paths. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(dirname(file), s)));
}

function graphOf(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const d of dirs) for (const f of tsFiles(resolve(ROOT, d))) graph.set(relative(ROOT, f), importsOf(f));
  return graph;
}

/** Every strongly connected component with more than one module, or a module importing itself. */
function importCircles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.includes(v)) circles.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('import graph', () => {
  it('finds a circle when there is one (the checker itself)', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCircles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(importCircles(new Map([['a.ts', ['b.ts']]]))).toEqual([]);
  });

  it('has no circles in sim/', () => {
    expect(importCircles(graphOf(['sim']))).toEqual([]);
  });

  it('keeps the scenario and formula layers free of the model and the run', () => {
    const graph = graphOf(['sim/scenario', 'sim/formula']);
    const wrong = [...graph].flatMap(([f, deps]) =>
      deps.filter((d) => /^sim\/(model|run|population|network|api|ensemble)\//.test(d)).map((d) => `${f} -> ${d}`),
    );
    expect(wrong).toEqual([]);
  });

  it('lets cli/ and web/ reach sim/ only through sim/node.ts and sim/index.ts', () => {
    const wrong: string[] = [];
    for (const [f, deps] of graphOf(['cli', 'web'])) {
      const allowed = f.startsWith('cli/') ? ['sim/node.ts', 'sim/index.ts'] : ['sim/index.ts'];
      for (const d of deps) if (d.startsWith('sim/') && !allowed.includes(d)) wrong.push(`${f} -> ${d}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps Node-only modules out of the public entry the browser bundles', () => {
    const graph = graphOf(['sim']);
    const seen = new Set<string>();
    const todo = ['sim/index.ts'];
    const nodeOnly: string[] = [];
    while (todo.length > 0) {
      const f = todo.pop() as string;
      if (seen.has(f) || !graph.has(f)) continue;
      seen.add(f);
      const source = readFileSync(resolve(ROOT, f), 'utf8');
      for (const i of ts.preProcessFile(source, true, true).importedFiles)
        if (i.fileName.startsWith('node:') || builtinModules.includes(i.fileName))
          nodeOnly.push(`${f} imports ${i.fileName}`);
      todo.push(...(graph.get(f) ?? []));
    }
    expect(nodeOnly).toEqual([]);
  });
});
