import { describe, expect, it } from 'vitest';

// The app's modules import one another in one direction: a cycle makes the order of their initialisation an
// accident of which one a page loads first, and it is how a screen ends up holding another screen's rules.
const sources = import.meta.glob<string>(['../src/**/*.ts', '!../src/**/*.d.ts'], { query: '?raw', import: 'default',
  eager: true });

/** A path relative to src, with ./ and ../ worked out. */
function join(from: string, to: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of to.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The app's own modules a file imports (type-only imports included: they still tie the two together). */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gms)]
    .map((m) => join(file, m[1]))
    .map((path) => (path.endsWith('.ts') ? path : `${path}.ts`));
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe("the app's modules", () => {
  const graph = new Map(Object.entries(sources).map(([path, text]) => {
    const file = path.replace(/^\.\.\/src\//, '');
    return [file, importsOf(file, text)];
  }));

  it('are read from the source tree, with their imports', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('screens/agreements.ts')).toContain('domain/agreement.ts');
  });

  it('import one another without a cycle', () => {
    const named = cycles(graph).map((cycle) => cycle.join(' -> '));
    expect(named).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])))
      .toEqual([['a', 'b', 'c', 'a']]);
  });
});
