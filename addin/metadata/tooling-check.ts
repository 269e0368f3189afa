/**
 * Node only (tests, build): runs Microsoft's own parser (`custom-functions-metadata`'s parseTree, the
 * code behind its CLI) over JSDoc source written from our generated metadata, and reports its errors and
 * every difference between what it derives and what we generated. Reuses the tooling's checks instead of
 * re-implementing them.
 */
import { parseTree } from 'custom-functions-metadata';
import type { FunctionMetadata, FunctionsFile } from './generate.ts';

const safe = (text: string) => text.replace(/\*\//g, '*∕').replace(/[\r\n]+/g, ' ');

function typeText(type: string, dimensionality: string | undefined, repeating: boolean | undefined): string {
  const base = type === 'any' ? 'any' : type;
  return `${base}${dimensionality === 'matrix' ? '[][]' : ''}${repeating ? '[]' : ''}`;
}

/** JSDoc-annotated TypeScript the tooling would turn into this metadata. */
export function jsDocSource(functions: readonly FunctionMetadata[]): string {
  return functions
    .map((fn, f) => {
      const params = fn.parameters.map((p, i) => ({ id: `p${i}`, type: typeText(p.type, p.dimensionality, p.repeating), p }));
      const result = typeText(fn.result.type ?? 'any', fn.result.dimensionality, false);
      const doc = [
        '/**',
        ` * ${safe(fn.description)}`,
        ` * @customfunction ${fn.id} ${fn.name}`,
        ...params.map(({ id, type, p }) => ` * @param {${type}} ${p.optional ? `[${id}]` : id} ${safe(p.description)}`),
        ` * @returns {${result}} result`,
        ' */',
      ];
      const signature = params.map(({ id, type, p }) => `${id}${p.optional ? '?' : ''}: ${type}`).join(', ');
      return `${doc.join('\n')}\nexport function f${f}(${signature}): ${result} {\n  throw new Error();\n}\n`;
    })
    .join('\n');
}

export function toolingProblems(file: FunctionsFile): string[] {
  const parsed = parseTree(jsDocSource(file.functions), 'functions.ts');
  const problems = parsed.extras.flatMap((e) => e.errors);
  if (parsed.functions.length !== file.functions.length)
    problems.push(`tooling found ${parsed.functions.length} functions, we generated ${file.functions.length}`);
  file.functions.forEach((fn, i) => {
    const theirs = parsed.functions[i];
    if (!theirs) return;
    const at = `function ${fn.id}`;
    if (theirs.id !== fn.id) problems.push(`${at}: tooling derives id ${theirs.id}`);
    if (theirs.name !== fn.name) problems.push(`${at}: tooling derives name ${theirs.name}`);
    if ((theirs.result?.dimensionality ?? 'scalar') !== (fn.result.dimensionality ?? 'scalar')) problems.push(`${at}: result dimensionality differs`);
    if ((theirs.result?.type ?? 'any') !== (fn.result.type ?? 'any')) problems.push(`${at}: result type differs (${theirs.result?.type})`);
    fn.parameters.forEach((p, j) => {
      const q = theirs.parameters[j];
      const where = `${at} parameter ${p.name}`;
      if (!q) return problems.push(`${where}: missing in the tooling's output`);
      if (q.type !== p.type) problems.push(`${where}: tooling derives type ${q.type}, we have ${p.type}`);
      if ((q.dimensionality ?? 'scalar') !== (p.dimensionality ?? 'scalar')) problems.push(`${where}: dimensionality differs`);
      if (Boolean(q.optional) !== Boolean(p.optional)) problems.push(`${where}: optional differs`);
      if (Boolean(q.repeating) !== Boolean(p.repeating)) problems.push(`${where}: repeating differs`);
    });
  });
  return problems;
}
