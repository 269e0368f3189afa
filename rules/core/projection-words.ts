/**
 * Where a message must point at a control, each projection speaks in its own words: the page names its
 * switch or field, Excel names the function's argument, the API names the JSON field. This is the one
 * mapping; messages carry `control` (see RuleErrorBody) and each projection renders it here.
 */
import type { InputSpec } from './schema.ts';
import type { Text } from './text.ts';

export type Projection = 'api' | 'page' | 'excel';

type Settable = Pick<InputSpec, 'name' | 'label' | 'type'>;

const zhValue = (value: unknown) => (value === true ? '是' : value === false ? '否' : String(value));

/** "Set this input to this value", as the projection's clerk or programmer sees the control. */
export function pointAt(projection: Projection, spec: Settable, value: boolean | number | string): Text {
  const label = spec.label;
  switch (projection) {
    case 'page':
      return spec.type === 'boolean'
        ? { zh: `请打开“${label.zh}”开关`, en: `turn on the “${label.en}” switch` }
        : { zh: `请在“${label.zh}”一栏填写 ${zhValue(value)}`, en: `enter ${String(value)} in the “${label.en}” field` };
    case 'excel':
      return {
        zh: `请将函数参数“${label.zh}”设为 ${spec.type === 'boolean' ? (value ? 'TRUE' : 'FALSE') : zhValue(value)}`,
        en: `set the function's argument ${spec.name} to ${spec.type === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value)}`,
      };
    case 'api':
      return { zh: `请将“${label.zh}”设为${zhValue(value)}`, en: `pass ${spec.name}: ${JSON.stringify(value)}` };
  }
}

/** The control a message points at, so that each projection can say it in its own words. */
export interface ControlRef {
  field: string;
  label: Text;
  type: InputSpec['type'];
  value: boolean | number | string;
  /** The message before the pointer. */
  lead: Text;
}

/** An error's message as `projection` says it (the API's words are the message as evaluate() returns it). */
export function messageIn(projection: Projection, error: { message: Text; control?: ControlRef }): Text {
  const c = error.control;
  if (!c) return error.message;
  const point = pointAt(projection, { name: c.field, label: c.label, type: c.type }, c.value);
  return { zh: `${c.lead.zh}${point.zh}`, en: `${c.lead.en}${point.en}` };
}

/** Builds a message that points at a control, in the API's words, with the control kept for the others. */
export function pointingMessage(lead: Text, spec: Settable, value: boolean | number | string): { message: Text; control: ControlRef } {
  const control: ControlRef = { field: spec.name, label: spec.label, type: spec.type, value, lead };
  return { message: messageIn('api', { message: lead, control }), control };
}
