/**
 * The input form of a rule, generated from its metadata (`InputSpec[]`): one labelled control per input,
 * a description, the unit and an error slot (`role="alert"`) beside each field.
 * Values are kept as the strings a clerk typed; `payload()` turns them into the JSON the Worker takes.
 */
import { districts, findDistrict, type InputSpec, type Text } from '../rules/index.ts';
import { h } from './dom.ts';
import { colon, lang, t, tr, ui } from './i18n.ts';

export type RawValues = Record<string, string>;

export type Payload = { ok: true; inputs: Record<string, unknown> } | { ok: false; field: string; message: Text };

interface Field {
  spec: InputSpec;
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  error: HTMLElement;
  /** The raw string value; '' when not given. */
  read(): string;
  write(value: string): void;
}

const NUMERIC = new Set(['integer', 'decimal', 'money']);

/** A two-state switch is exact only when "off" means false: the input is required or has a default. */
const isSwitch = (spec: InputSpec) => spec.type === 'boolean' && (spec.required === true || spec.default !== undefined);

const fieldId = (name: string) => `in-${name}`;

function rangeText(spec: InputSpec): string {
  const parts: string[] = [];
  if (spec.min !== undefined) parts.push(`${spec.minExclusive ? '>' : '≥'} ${spec.min}`);
  if (spec.max !== undefined) parts.push(`≤ ${spec.max}`);
  return parts.length ? `${t('range')}${colon()}${parts.join(', ')}` : '';
}

const normaliseName = (name: string) =>
  name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** The district whose id, full, short or English name (or alias) is `value`, as the select's value (the full name). */
const districtValue = (value: string): string => findDistrict(value)?.zh ?? value;

function choiceValue(spec: InputSpec, value: string): string {
  const wanted = normaliseName(value);
  const match = spec.choices?.find((c) => [c.value, c.label.zh, c.label.en, ...(c.aliases ?? [])].some((n) => normaliseName(n) === wanted));
  return match ? match.value : value;
}

function buildControl(spec: InputSpec, describedBy: string): Field['control'] {
  const common = { id: fieldId(spec.name), name: spec.name, 'aria-describedby': describedBy, 'aria-required': spec.required ? 'true' : undefined };
  switch (spec.type) {
    case 'boolean':
      if (isSwitch(spec)) return h('input', { ...common, type: 'checkbox', role: 'switch', class: 'switch' });
      return h('select', common, h('option', { value: '' }, t('notGiven')), h('option', { value: 'true' }, t('yes')), h('option', { value: 'false' }, t('no')));
    case 'date':
      // Text, not type="date": the browser's date picker shows its locale's order (mm/dd/yyyy); clerks
      // read and type 年-月-日. 2024/6/30 and 2024年6月30日 are accepted too (see isoDate).
      return h('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'YYYY-MM-DD', 'data-format': 'date' });
    case 'district':
    case 'choice': {
      const options =
        spec.type === 'district'
          ? districts.map((d) => h('option', { value: d.zh }, lang() === 'zh' ? d.zh : `${d.en} (${d.zh})`))
          : (spec.choices ?? []).map((c) => h('option', { value: c.value }, tr(c.label)));
      const blank = spec.default === undefined ? h('option', { value: '' }, t('notGiven')) : null;
      return h('select', common, blank, options);
    }
    case 'records':
      return h('textarea', { ...common, rows: '5', spellcheck: 'false', placeholder: spec.example !== undefined ? String(spec.example) : '[{…}]' });
    default:
      return h('input', {
        ...common,
        type: 'text',
        inputmode: NUMERIC.has(spec.type) ? 'decimal' : undefined,
        autocomplete: 'off',
        placeholder: spec.type === 'integer-list' ? '12,14,6' : undefined,
      });
  }
}

function buildField(spec: InputSpec): { element: HTMLElement; field: Field } {
  const descId = `desc-${spec.name}`;
  const errorId = `err-${spec.name}`;
  const control = buildControl(spec, `${descId} ${errorId}`);
  const unit = spec.unit ? h('span', { class: 'unit' }, tr(spec.unit)) : null;
  const fields = spec.type === 'records' && spec.fields ? ` JSON: [{${spec.fields.map((f) => f.name).join(', ')}}]` : '';
  const description = [tr(spec.description), rangeText(spec), spec.type === 'date' ? t('dateFormat') : ''].filter(Boolean).join(' · ') + fields;
  const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
  const label = h(
    'label',
    { for: control.id },
    tr(spec.label),
    ' ',
    h('span', { class: spec.required ? 'req' : 'opt' }, `(${spec.required ? t('required') : t('optional')})`),
    ' ',
    h('code', { class: 'input-name' }, spec.name),
  );
  const row = h('div', { class: `control-row type-${spec.type}` }, control, unit);
  const element = h('div', { class: 'field', 'data-input': spec.name }, label, row, h('p', { id: descId, class: 'hint' }, description), error);

  const field: Field = {
    spec,
    control,
    error,
    read() {
      if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked ? 'true' : 'false';
      return control.value.trim();
    },
    write(value) {
      if (control instanceof HTMLInputElement && control.type === 'checkbox') {
        control.checked = /^(true|1|yes|是)$/i.test(value.trim());
      } else if (spec.type === 'district') {
        control.value = districtValue(value);
      } else if (spec.type === 'choice') {
        control.value = choiceValue(spec, value);
      } else if (spec.type === 'boolean') {
        control.value = /^(true|1|yes|是)$/i.test(value.trim()) ? 'true' : /^(false|0|no|否)$/i.test(value.trim()) ? 'false' : '';
      } else {
        control.value = value;
      }
    },
  };
  field.write(spec.default !== undefined ? String(spec.default) : '');
  return { element, field };
}

/** 2024/6/30, 2024.6.30 or 2024年6月30日 as 2024-06-30; anything else as typed (the Worker says what is wrong). */
export function isoDate(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.normalize('NFKC').trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value;
}

/** The default as the raw string the form holds, or '' when the input has none. */
const defaultOf = (spec: InputSpec) => (spec.default !== undefined ? String(spec.default) : '');

export class RuleForm {
  readonly element: HTMLElement;
  private readonly fields: Field[];

  constructor(inputs: readonly InputSpec[]) {
    const built = inputs.map(buildField);
    this.fields = built.map((b) => b.field);
    this.element = h(
      'div',
      { class: 'fields' },
      built.map((b) => b.element),
    );
  }

  /** The values that differ from "not given" / the default: what goes into the shareable URL. */
  values(): RawValues {
    const out: RawValues = {};
    for (const f of this.fields) {
      const value = f.read();
      if (value === '' || (value === defaultOf(f.spec) && !f.spec.required)) continue;
      out[f.spec.name] = value;
    }
    return out;
  }

  fill(values: RawValues): void {
    for (const f of this.fields) f.write(values[f.spec.name] ?? defaultOf(f.spec));
  }

  fillExamples(): void {
    for (const f of this.fields) {
      const example = f.spec.example;
      if (example !== undefined) f.write(typeof example === 'object' ? JSON.stringify(example) : String(example));
    }
  }

  /** The JSON inputs for the Worker: strings as typed (the rules package coerces them exactly), booleans, records parsed. */
  payload(): Payload {
    const inputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.values())) {
      const spec = this.fields.find((f) => f.spec.name === name)!.spec;
      if (spec.type === 'boolean') inputs[name] = value === 'true';
      else if (spec.type === 'records') {
        try {
          const parsed: unknown = JSON.parse(value);
          if (!Array.isArray(parsed)) throw new Error('not an array');
          inputs[name] = parsed;
        } catch {
          return {
            ok: false,
            field: name,
            message: { zh: `${spec.label.zh}${ui.invalidJson.zh}`, en: `${spec.label.en} ${ui.invalidJson.en}` },
          };
        }
      } else if (spec.type === 'date') inputs[name] = isoDate(value);
      else inputs[name] = value;
    }
    return { ok: true, inputs };
  }

  has(name: string): boolean {
    return this.fields.some((f) => f.spec.name === name);
  }

  clearErrors(): void {
    for (const f of this.fields) {
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
    }
  }

  /** Shows a message beside its field and moves the focus there. */
  showError(name: string, message: Text): void {
    const f = this.fields.find((x) => x.spec.name === name);
    if (!f) return;
    f.error.textContent = tr(message);
    f.control.setAttribute('aria-invalid', 'true');
    f.control.focus();
  }
}
