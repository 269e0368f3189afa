/**
 * A parameter's value as people read it (the rule pages of `npm run docs`): where the unit's members are ids,
 * each member by its name from the one place that names it — a district by `districts.ts`, a disability
 * category by the certificate's category names (`national.ts`); any other value as written.
 */
import { text, type Text } from '../core/text.ts';
import { districts } from './districts.ts';
import { certificate } from './national.ts';
import type { Unit, Value } from './types.ts';

const districtNames = new Map(districts.map((d) => [d.id, text(d.zh, d.en)]));

/** The units whose members are ids, and the name of each. */
const namesOf: Partial<Record<Unit, (member: string | number) => Text | undefined>> = {
  districts: (id) => districtNames.get(String(id)),
  categories: (code) => certificate.categories[Number(code)],
};

/** Each member of a value, named where its unit's members are ids (an id with no name is an error, never shown raw). */
export function valueMembers(unit: Unit, value: Value): Text[] {
  const members: readonly (string | number)[] = Array.isArray(value) ? value : [value as string | number];
  const name = namesOf[unit];
  return members.map((member) => {
    if (!name) return text(String(member), String(member));
    const named = name(member);
    if (!named) throw new Error(`no name for ${unit} member ${JSON.stringify(member)}`);
    return named;
  });
}
