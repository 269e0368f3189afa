/**
 * Budget totals of a batch, over the rows that computed (ok or mismatch): the rule's primary amount,
 * the claimed amounts and their differences, each share's sum where the rule splits an amount between
 * the city and the district, and the same by district where rows name one (plus 未填旗县区 for the rows
 * that name none, so the lines add up to the total). Each sum says its row set: `computed` is over
 * `rows`; `claimed`, `computedClaimed` and `difference` are over the `claimedRows` that carry a claim,
 * so difference = claimed − computedClaimed, never a total over 5 rows against one over 4.
 * Exact decimals, printed as money.
 */
import { MoneySum } from '../core/cents.ts';
import { money } from '../core/decimal.ts';
import { findDistrict } from '../core/districts.ts';
import type { BatchRow } from '../batch.ts';
import type { RuleMetadata } from '../metadata.ts';

export interface MoneyTotals {
  /** Rows computed (ok or mismatch): the set `computed` and the shares are summed over. */
  rows: number;
  computed: string;
  /** Of those, the rows with a claimed amount: the set `claimed`, `computedClaimed` and `difference` are summed over. */
  claimedRows: number;
  claimed: string;
  /** The computed amounts of the claimed rows. */
  computedClaimed: string;
  difference: string;
  cityShare?: string;
  districtShare?: string;
}

export interface BatchTotals extends MoneyTotals {
  /** By district (its full Chinese name), where rows name one, and NO_DISTRICT for those that name none. */
  byDistrict?: Record<string, MoneyTotals>;
}

const SHARES = ['cityShare', 'districtShare'] as const;

/** The line for computed rows that name no district. */
export const NO_DISTRICT = '未填旗县区';

class Sums {
  rows = 0;
  claimedRows = 0;
  computed = new MoneySum();
  computedClaimed = new MoneySum();
  claimed = new MoneySum();
  difference = new MoneySum();
  shares = SHARES.map(() => new MoneySum());

  add(row: BatchRow, primary: string, shares: boolean): void {
    this.rows++;
    const value = row.result?.[primary];
    const computed = typeof value === 'string' || typeof value === 'number';
    if (computed) this.computed.add(value);
    if (row.claimed !== undefined) {
      this.claimedRows++;
      this.claimed.add(row.claimed);
      if (computed) this.computedClaimed.add(value);
    }
    if (row.difference !== undefined) this.difference.add(row.difference);
    if (shares) {
      for (let i = 0; i < SHARES.length; i++) {
        const share = row.result?.[SHARES[i]];
        if (typeof share === 'string' || typeof share === 'number') this.shares[i].add(share);
      }
    }
  }

  print(shares: boolean): MoneyTotals {
    const out: MoneyTotals = {
      rows: this.rows,
      computed: money(this.computed.value()),
      claimedRows: this.claimedRows,
      claimed: money(this.claimed.value()),
      computedClaimed: money(this.computedClaimed.value()),
      difference: money(this.difference.value()),
    };
    if (shares) SHARES.forEach((name, i) => (out[name] = money(this.shares[i].value())));
    return out;
  }
}

/** A row's district name → its line: the district's full name; a name that is no district (an optional input the rule did not need) is counted with the rows that name none. */
const districtOf = (named: unknown): string =>
  typeof named === 'string' && named.trim() !== '' ? (findDistrict(named.trim())?.zh ?? NO_DISTRICT) : NO_DISTRICT;

/** Distinct district names remembered with their line; past them, a name is looked up for each row. */
const MAX_NAMES = 256;

/** Accumulates totals row by row (nothing but the sums is kept). */
export class TotalsAccumulator {
  private readonly all = new Sums();
  private readonly byDistrict = new Map<string, Sums>();
  /** The line of each district name as rows write it, so a name is looked up once (at most MAX_NAMES of them). */
  private readonly byName = new Map<string, Sums>();
  private readonly primary: string;
  private readonly shares: boolean;
  /** The rule's district input, by which totals are kept by district. */
  readonly districtInput: string | undefined;
  /** Only rules whose primary output is money have totals. */
  readonly applies: boolean;

  constructor(meta: Pick<RuleMetadata, 'inputs' | 'outputs' | 'primary'>) {
    this.primary = meta.primary;
    this.applies = meta.outputs.some((o) => o.name === meta.primary && o.type === 'money');
    this.shares = SHARES.every((name) => meta.outputs.some((o) => o.name === name && o.type === 'money'));
    this.districtInput = meta.inputs.find((i) => i.type === 'district')?.name;
  }

  /** Adds an answered row; `inputs` are the values it was evaluated from (for its district). */
  add(row: BatchRow, inputs?: Record<string, unknown>): void {
    this.addIn(row, this.districtInput === undefined ? undefined : inputs?.[this.districtInput]);
  }

  /** Adds an answered row; `named` is the value of the district input it was evaluated from. */
  addIn(row: BatchRow, named: unknown): void {
    if (!this.applies || (row.status !== 'ok' && row.status !== 'mismatch')) return;
    this.all.add(row, this.primary, this.shares);
    if (!this.districtInput) return;
    let sums = typeof named === 'string' ? this.byName.get(named) : undefined;
    if (!sums) {
      sums = this.sumsOf(districtOf(named));
      if (typeof named === 'string' && this.byName.size < MAX_NAMES) this.byName.set(named, sums);
    }
    sums.add(row, this.primary, this.shares);
  }

  /** The line of a district (its full name, or NO_DISTRICT), made when a row first names it. */
  private sumsOf(district: string): Sums {
    let sums = this.byDistrict.get(district);
    if (!sums) this.byDistrict.set(district, (sums = new Sums()));
    return sums;
  }

  totals(): BatchTotals | undefined {
    if (!this.applies) return undefined;
    const out: BatchTotals = this.all.print(this.shares);
    const onlyNone = this.byDistrict.size === 1 && this.byDistrict.has(NO_DISTRICT);
    if (this.byDistrict.size && !onlyNone) out.byDistrict = Object.fromEntries([...this.byDistrict].map(([name, sums]) => [name, sums.print(this.shares)]));
    return out;
  }
}
