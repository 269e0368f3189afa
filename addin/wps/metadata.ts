/**
 * WPS's custom-function metadata (`functions.json`), generated from the registry in the shape wpsjs's
 * `functionsScanner` writes (wpsjs 2.2.3, src/vite_plugins.js): `{ functions: [{ name, description,
 * parameters: [{ name, description, type }], result: { type } }] }`, a `?` after an optional type.
 * Chinese throughout: parameter names are the inputs' Chinese labels (as identifiers), their help the
 * inputs' Chinese descriptions. The same objects go to `wps.AddCustomFunction` as its metadata argument.
 * `jsdocSource` writes the same functions as JSDoc-annotated JavaScript, so a test can run wpsjs's own
 * scanner over them and compare.
 */
import { listRules, type InputSpec, type RuleMetadata } from '../../rules/index.ts';
import { optionalPositions, parameterTypeOf } from '../functions/cells.ts';
import { EXPLAIN_ID } from '../functions/register.ts';
import { explainText, parameterDescription, ruleDescription } from '../metadata/generate.ts';

export const WPS_NAMESPACE = 'BT';

/** wpsjs's rule for function names (vite_plugins.js `functionNamePattern`). */
export const WPS_FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface WpsParameter {
  name: string;
  description: string;
  type: string;
}

/** Keys in the scanner's order, so the file is byte-for-byte what the scanner would write. */
export interface WpsFunction {
  name: string;
  parameters: WpsParameter[];
  description: string;
  result: { type: string };
}

export interface WpsFunctionsFile {
  functions: WpsFunction[];
}

/** The scanner's type names: a scalar type, `any[][]` for a range, `?` when the argument may be left out. */
const typeName = (spec: InputSpec, optional: boolean): string => {
  const { type, dimensionality } = parameterTypeOf(spec, optional);
  return `${dimensionality === 'matrix' ? `${type}[][]` : type}${optional ? '?' : ''}`;
};

/** A Chinese label as a JavaScript identifier (the scanner names a parameter by its identifier): punctuation dropped. */
export const labelIdentifier = (label: string): string => label.normalize('NFKC').replace(/[^\p{L}\p{N}_$]/gu, '');

/** Results are `any`: a value, or an error's text (see functions.ts). */
const RESULT = 'any';
const EXPLAIN_RESULT = 'any[][]';

/** EXPLAIN takes the rule's name and then at most as many arguments as the rule with the most inputs. */
export const explainArity = (rules: readonly RuleMetadata[]) => Math.max(...rules.map((r) => r.inputs.length));

function ruleFunction(meta: RuleMetadata): WpsFunction {
  const optionals = optionalPositions(meta.inputs);
  return {
    name: meta.functionName,
    parameters: meta.inputs.map((input, i) => ({
      name: labelIdentifier(input.label.zh),
      description: parameterDescription(input, 'zh'),
      type: typeName(input, optionals[i]),
    })),
    description: ruleDescription(meta, 'zh'),
    result: { type: RESULT },
  };
}

function explainFunction(rules: readonly RuleMetadata[]): WpsFunction {
  const values = Array.from({ length: explainArity(rules) }, (_, i) => ({ name: `参数${i + 1}`, description: explainText.values.zh, type: 'any?' }));
  return {
    name: EXPLAIN_ID,
    parameters: [{ name: '规则', description: explainText.rule.zh, type: 'string' }, ...values],
    description: explainText.description.zh,
    result: { type: EXPLAIN_RESULT },
  };
}

export function wpsFunctionsFile(rules: readonly RuleMetadata[] = listRules()): WpsFunctionsFile {
  return { functions: [...rules.map(ruleFunction), explainFunction(rules)] };
}

/** A type name of the scanner → the JSDoc type that the scanner reads back as it. */
const jsdocType = (type: string) => type.replace(/\?$/, '');

/** One JSDoc line's text may not end the comment or start a tag. */
const jsdocText = (text: string) =>
  text
    .replace(/\*\//g, '*∕')
    .replace(/@/g, '＠')
    .replace(/\s*\n\s*/g, ' ');

/** The functions as JSDoc-annotated JavaScript declarations (`@customfunction`), the input wpsjs's scanner reads. */
export function jsdocSource(file: WpsFunctionsFile = wpsFunctionsFile()): string {
  return file.functions
    .map((fn) => {
      const lines = ['/**', ` * ${jsdocText(fn.description)}`, ' * @customfunction'];
      for (const p of fn.parameters) {
        const name = p.type.endsWith('?') ? `[${p.name}]` : p.name;
        lines.push(` * @param {${jsdocType(p.type)}} ${name} - ${jsdocText(p.description)}`);
      }
      lines.push(` * @returns {${fn.result.type}}`, ' */', `function ${fn.name}(${fn.parameters.map((p) => p.name).join(', ')}) {}`, '');
      return lines.join('\n');
    })
    .join('\n');
}
