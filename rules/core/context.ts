import { interpretations, type Interpretation, type InterpretationId } from '../interpretations.ts';
import { parameterIn, servedParameters, type ParameterSet } from '../parameters/index.ts';
import { isParameter, valueOn, type Dated, type Parameter, type Reading, type ReadingsOf, type Value } from '../parameters/types.ts';
import { planDateFor, planFor, type Plan } from '../plans/index.ts';
import { fail } from './errors.ts';
import { MAX_KEPT_KEYS } from './kept-figures.ts';
import { changesInUndatedWindow } from './window-periods.ts';
import type { FailedCondition } from './schema.ts';
import type { Text } from './text.ts';

/**
 * What a rule writes while it computes: the explanation steps, warnings, hints, the interpretations
 * it relied on and the conditions a case failed. One per evaluation; rules never build results themselves.
 */
export class Context {
  // Every list is made when first written (with that item: most hold one) or read: most rows of a batch write no step, hint, failed condition or warning.
  private warningsMade: Text[] | undefined = undefined;
  private failedMade: FailedCondition[] | undefined = undefined;
  private stepsMade: Text[] | undefined = undefined;
  private hintsMade: Text[] | undefined = undefined;
  private reliedOn: Interpretation[] | undefined = undefined;

  get warnings(): Text[] {
    return (this.warningsMade ??= []);
  }
  /** The conditions the case failed (none: it is eligible). */
  get failed(): FailedCondition[] {
    return (this.failedMade ??= []);
  }
  /** The warnings given, or none when there were none (without making a list). */
  get warningsGiven(): readonly Text[] {
    return this.warningsMade ?? NO_TEXTS;
  }
  /** The failed conditions, or none when there were none (without making a list). */
  get failedGiven(): readonly FailedCondition[] {
    return this.failedMade ?? NO_CONDITIONS;
  }
  get steps(): Text[] {
    return (this.stepsMade ??= []);
  }
  get hints(): Text[] {
    return (this.hintsMade ??= []);
  }
  /** The interpretations relied on, each once, in the order first relied on (the answer's list: one per evaluation). */
  get relied(): Interpretation[] {
    return (this.reliedOn ??= []);
  }

  /** The date the claim concerns, when the caller gave one (reading it is recorded: see `dateRead`). */
  get date(): string | undefined {
    this.dateRead = true;
    return this.claimDate;
  }
  private claimDate: string | undefined;
  /**
   * Whether the rule looked at the date itself (`date`, `planDate`). An answer that never did, and read no
   * parameter whose value changes with the date (`undatedReadChanges`), cannot depend on it.
   */
  dateRead = false;
  /**
   * For a claim without a date: whether a parameter it read on `planDate` (see `dateFor`) has another value on the
   * first day of some period of the plan's window (`changesInUndatedWindow`): what a date could change.
   */
  undatedReadChanges = false;

  /** The date, read only to word a warning (the figures do not depend on it, so it is not recorded). */
  get dateForWarning(): string | undefined {
    return this.claimDate;
  }
  /** Cross-row state when the rule runs inside a batch (e.g. training sessions already seen). */
  readonly batch: unknown;
  /** False inside a batch, whose rows carry no explanation: the steps, hints and interpretations are then never made. */
  readonly explain: boolean;

  /** The plan the claim is read against (the one in force on its date; see `planFor`). */
  readonly plan!: Plan;
  /** The date the plan's own numbers are read on (the claim's date, or the plan's first day); reading it is recorded like `date`. */
  get planDate(): string {
    this.dateRead = true;
    return this.readOn;
  }
  private readOn!: string;

  /** The parameter set this evaluation reads every number and plan from (the served one unless given). */
  readonly parameters: ParameterSet;

  /** Readings already made for this parameter set, by date (a batch's, or the memo lone evaluations share); none for another set. */
  private readonly readings: ReadingsMemo | undefined;
  /** The batch's readings on this claim's date, looked up at the first reading (null until then; undefined when none are kept). */
  private readingsOnDate: KeptOnDate<object> | undefined | null = null;
  /** The batch's entries (`entry`) on this claim's date, looked up at the first entry read (null until then; undefined when none are kept). */
  private entriesOnDate: KeptOnDate<Parameter> | undefined | null = null;

  constructor(date: string | undefined, batch: unknown = undefined, explain = true, parameters: ParameterSet = servedParameters, readings?: ReadingsMemo) {
    this.claimDate = date;
    this.batch = batch;
    this.explain = explain;
    this.parameters = parameters;
    this.readings = readings?.parameters === parameters ? readings : undefined;
    this.onDate(date);
  }

  /**
   * This context made ready for another case, on `date`: as `new Context(date, …)` with the same batch state, explain,
   * parameters and readings would be. A batch evaluates its rows in one context renewed per row, not one made per row
   * (the plan is looked up again only when the date changes). The lists a case wrote stay with its answer: the next case starts its own.
   */
  renew(date: string | undefined): void {
    this.warningsMade = undefined;
    this.failedMade = undefined;
    this.stepsMade = undefined;
    this.hintsMade = undefined;
    this.reliedOn = undefined;
    this.dateRead = false;
    this.undatedReadChanges = false;
    if (date !== this.claimDate) this.onDate(date);
  }

  /** The claim's date, the plan in force on it and the plan's reading date; the readings kept for another date let go. */
  private onDate(date: string | undefined): void {
    const plan = planFor(date, this.parameters.plans);
    (this as { plan: Plan }).plan = plan; // read-only to rules; only this context sets it (made, or renewed for another date)
    this.readOn = planDateFor(plan, date);
    this.claimDate = date;
    this.readingsOnDate = null;
    this.entriesOnDate = null;
  }

  /**
   * THE lookup: the entry of a parameter (found by its id in this evaluation's parameter set) in force on
   * `date`; undefined before its first entry, `value: null` where it lapsed. Every number a rule reads comes through here.
   */
  entryOn<T extends Value>(parameter: Parameter<T>, date: string): Dated<T> | undefined {
    return valueOn(parameterIn(this.parameters, parameter), date);
  }

  /** A parameter's whole history in this evaluation's set, oldest first (to name its sources and first date). */
  historyOf<T extends Value>(parameter: Parameter<T>): readonly Dated<T>[] {
    return parameterIn(this.parameters, parameter).history;
  }

  /** The date a parameter is read on: a plan's number on the plan date, any other on the claim's date (the plan date without one: recorded). */
  dateFor(parameter: Parameter): string {
    if (this.claimDate === undefined) {
      if (!this.undatedReadChanges && changesInUndatedWindow(parameter, this.parameters)) this.undatedReadChanges = true;
      return this.readOn;
    }
    return parameter.plan ? this.readOn : this.claimDate;
  }

  /**
   * The entry of a parameter in force for this claim, as stored (undefined before its first entry; `value: null` where it
   * lapsed). Kept like a reading (`at`) for the claim's date: the same parameter on the same date is the same entry.
   */
  entry<T extends Value>(parameter: Parameter<T>): Dated<T> | undefined {
    const onDate = this.entriesOnDate === null ? (this.entriesOnDate = this.readings?.entriesOnDate(this.claimDate)) : this.entriesOnDate;
    const kept = onDate?.get(parameter);
    if (kept) {
      // for a claim without a date, the parameter is read on the plan date again (what a date could change)
      if (kept.undatedReadChanges) this.undatedReadChanges = true;
      return kept.value as Dated<T> | undefined;
    }
    const found = this.entryOn(parameter, this.dateFor(parameter));
    onDate?.set(parameter, { value: found, undatedReadChanges: this.claimDate === undefined && changesInUndatedWindow(parameter, this.parameters) });
    return found;
  }

  /**
   * A parameter's value for this claim (or a group of them, each read), with its source: the one way a
   * rule reads a number. A parameter without a value on the date is refused, never guessed.
   */
  at<G>(group: G): ReadingsOf<G> {
    if (typeof group !== 'object' || group === null || Array.isArray(group)) return group as ReadingsOf<G>;
    const onDate = this.readingsOnDate === null ? (this.readingsOnDate = this.readings?.onDate(this.claimDate)) : this.readingsOnDate;
    const kept = onDate?.get(group);
    if (kept) {
      // for a claim without a date, reading it again reads the same parameters on the plan date (what a date could change)
      if (kept.undatedReadChanges) this.undatedReadChanges = true;
      return kept.value as ReadingsOf<G>;
    }
    if (isParameter(group)) {
      const reading = this.read(group);
      onDate?.set(group, { value: reading, undatedReadChanges: this.claimDate === undefined && changesInUndatedWindow(group, this.parameters) });
      return reading as ReadingsOf<G>;
    }
    // what the group's own parameters change, apart from what was read before it
    const changedBefore = this.undatedReadChanges;
    this.undatedReadChanges = false;
    const made: Record<string, unknown> = {};
    let changes: boolean;
    try {
      for (const [k, v] of Object.entries(group)) made[k] = this.at(v);
    } finally {
      changes = this.undatedReadChanges;
      this.undatedReadChanges = changedBefore || changes;
    }
    onDate?.set(group, { value: Object.freeze(made), undatedReadChanges: changes });
    return made as ReadingsOf<G>;
  }

  private read(parameter: Parameter): Reading {
    const date = this.dateFor(parameter);
    const found = this.entryOn(parameter, date);
    if (!found || found.value === null) {
      const source = found?.source.document ?? this.historyOf(parameter)[0]?.source.document;
      fail(
        'no-parameter-value',
        `${date} 没有“${parameter.description.zh}”的适用数值${source ? `（${source}）` : ''}`,
        `No value of "${parameter.description.en}" applies on ${date}${source ? ` (${source})` : ''}`,
        'date',
      );
    }
    // The set's entries carry their parameter's id, unit and description (rules/parameters/set.ts): each is a reading.
    if ('id' in found) return found as Reading;
    return Object.freeze({
      id: parameter.id,
      unit: parameter.unit,
      description: parameter.description,
      from: found.from,
      value: found.value,
      source: found.source,
    });
  }

  /**
   * One step of the explanation, in Chinese and English. The texts are rendered at once (so they show
   * the values of this moment) and only when an explanation is wanted. Or the words themselves, made by the
   * rule inside `if (ctx.explain)` (a rule whose explanation is on a hot path: no closure per step); none when not explaining.
   */
  step(render: () => readonly [zh: string, en: string]): void;
  step(zh: string, en: string): void;
  step(words: string | (() => readonly [zh: string, en: string]), en?: string): void {
    if (!this.explain) return;
    this.steps.push(textOf(words, en));
  }

  warn(zh: string, en: string): void {
    this.warningsMade = withItem(this.warningsMade, { zh, en });
  }

  /** A warning whose words never change (made once, shared by every evaluation that gives it). */
  warnFixed(text: Readonly<Text>): void {
    this.warningsMade = withItem(this.warningsMade, text);
  }

  /** A hint for the clerk (how far to the next step, how many metres short); rendered, or given, like a step. */
  hint(render: () => readonly [zh: string, en: string]): void;
  hint(zh: string, en: string): void;
  hint(words: string | (() => readonly [zh: string, en: string]), en?: string): void {
    if (!this.explain) return;
    this.hintsMade = withItem(this.hintsMade, textOf(words, en));
  }

  /** Records an interpretation the answer relies on; only when explaining (an untraced answer, a batch row's, names none). */
  rely(id: InterpretationId): void {
    if (!this.explain) return;
    const relied = this.reliedOn;
    const interpretation = interpretations[id];
    if (relied === undefined) this.reliedOn = [interpretation];
    else if (!relied.includes(interpretation)) relied.push(interpretation);
  }

  /**
   * Records a failed condition (the case is not eligible) and explains it as a step. Words that show values are
   * given as a render, like a step's: they are made only when the condition fails (most cases meet most conditions).
   */
  condition(ok: boolean, code: string, zh: string, en: string): boolean;
  condition(ok: boolean, code: string, render: () => readonly [zh: string, en: string]): boolean;
  condition(ok: boolean, code: string, words: string | (() => readonly [zh: string, en: string]), en?: string): boolean {
    if (ok) return true;
    let zh: string;
    if (typeof words === 'string') {
      zh = words;
    } else {
      const rendered = words();
      zh = rendered[0];
      en = rendered[1];
    }
    this.failedMade = withItem(this.failedMade, { code, message: { zh, en: en! } });
    if (this.explain) this.steps.push({ zh: `不符合：${zh}`, en: `Not met: ${en}` });
    return false;
  }

  /** A required-together input is missing (e.g. a district without a date). */
  missing(field: string, zh: string, en: string): never {
    fail('missing-input', zh, en, field);
  }
}

/** `list` with `item` added at its end: a list made with its first item (as long as that: most lists an evaluation writes hold one). */
function withItem<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/** A step's or hint's words: given (Chinese, then English), or rendered. */
function textOf(words: string | (() => readonly [zh: string, en: string]), en: string | undefined): Text {
  if (typeof words === 'string') return { zh: words, en: en! };
  const rendered = words();
  return { zh: rendered[0], en: rendered[1] };
}

/** Dates the memo shared by lone evaluations keeps readings for (a quick check's dates are few; its memory stays small), as a rule's kept figures keep keys. */
const MAX_SHARED_DATES = MAX_KEPT_KEYS;
const sharedMemos = new WeakMap<ParameterSet, ReadingsMemo>();

/** The memo lone evaluations against `parameters` share (parameter sets are immutable: a reading on a date never changes). */
export function sharedReadings(parameters: ParameterSet): ReadingsMemo {
  let memo = sharedMemos.get(parameters);
  if (!memo) sharedMemos.set(parameters, (memo = new ReadingsMemo(parameters, MAX_SHARED_DATES)));
  return memo;
}

/** A reading (of a parameter or a group) on one date, and for a claim without a date whether what it read could change with one (`Context.undatedReadChanges`). */
interface KeptReadings {
  value: unknown;
  undatedReadChanges: boolean;
}
const NO_TEXTS: readonly Text[] = Object.freeze([]);
const NO_CONDITIONS: readonly FailedCondition[] = Object.freeze([]);

/**
 * What is kept on one date, by what was read (a parameter or a group): a map, with the last few found again by
 * identity before it (a rule reads the same few on every row: a short scan is cheaper than a map's lookup).
 */
class KeptOnDate<K extends object> {
  private readonly all = new Map<K, KeptReadings>();
  private readonly recentKeys: (K | undefined)[] = new Array<K | undefined>(RECENT_KEPT).fill(undefined);
  private readonly recentKept: (KeptReadings | undefined)[] = new Array<KeptReadings | undefined>(RECENT_KEPT).fill(undefined);
  private recentNext = 0;

  get(key: K): KeptReadings | undefined {
    const keys = this.recentKeys;
    for (let i = 0; i < RECENT_KEPT; i++) if (keys[i] === key) return this.recentKept[i];
    const kept = this.all.get(key);
    if (kept !== undefined) this.remember(key, kept);
    return kept;
  }

  set(key: K, kept: KeptReadings): void {
    this.all.set(key, kept);
    this.remember(key, kept);
  }

  /** `key` among the recent ones (a ring: the oldest replaced). */
  private remember(key: K, kept: KeptReadings): void {
    const at = this.recentNext;
    this.recentKeys[at] = key;
    this.recentKept[at] = kept;
    this.recentNext = (at + 1) % RECENT_KEPT;
  }
}
/** How many of what was read on a date are found by identity (more than a rule reads per row). */
const RECENT_KEPT = 8;

/** Dates a batch's memo keeps readings for; a batch of more distinct dates reads the rest afresh. */
const MAX_MEMO_DATES = 1_000;

/**
 * What is kept (`KeptOnDate`) by claim date, for at most `maxDates` dates (past them, none: read afresh), the date last
 * asked for found first: a batch's rows run in runs of one date (or none), so most rows look up no map.
 */
class KeptByDate<K extends object> {
  private readonly byDate = new Map<string | undefined, KeptOnDate<K>>();
  private readonly maxDates: number;
  private lastDate: string | undefined | null = null;
  private last: KeptOnDate<K> | undefined = undefined;

  constructor(maxDates: number) {
    this.maxDates = maxDates;
  }

  on(date: string | undefined): KeptOnDate<K> | undefined {
    if (date === this.lastDate && this.last !== undefined) return this.last;
    let kept = this.byDate.get(date);
    if (!kept && this.byDate.size < this.maxDates) this.byDate.set(date, (kept = new KeptOnDate()));
    this.lastDate = date;
    this.last = kept;
    return kept;
  }
}

/**
 * Readings of parameters and parameter groups (`ctx.at`) already made, by claim date, for one parameter set:
 * the rows of a batch share few dates, and a reading on the same date against the same set reads the
 * same. Owned by one batch (its BatchEvaluator) and handed to each row's Context; the readings kept are frozen.
 */
export class ReadingsMemo {
  readonly parameters: ParameterSet;
  private readonly readings: KeptByDate<object>;
  /** Entries of parameters as stored (`Context.entry`), by claim date: apart from the readings, which refuse what an entry gives as it is. */
  private readonly entries: KeptByDate<Parameter>;

  constructor(parameters: ParameterSet = servedParameters, maxDates = MAX_MEMO_DATES) {
    this.parameters = parameters;
    this.readings = new KeptByDate(maxDates);
    this.entries = new KeptByDate(maxDates);
  }

  /** The readings kept on `date` (a Context adds its own to them), or none once the memo holds its most dates. */
  onDate(date: string | undefined): KeptOnDate<object> | undefined {
    return this.readings.on(date);
  }

  /** The entries kept on `date` (a Context adds its own to them), or none once the memo holds its most dates. */
  entriesOnDate(date: string | undefined): KeptOnDate<Parameter> | undefined {
    return this.entries.on(date);
  }
}
