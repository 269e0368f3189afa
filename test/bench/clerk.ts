/**
 * The same rules as a clerk writes them today: the Excel formula (evaluated by HyperFormula) and the
 * plain float JavaScript a programmer would write. Both are the benchmark's comparison points, not rules.
 */
/** One row of the sheet: the input cells in `columns` order. */
export type Cells = readonly (number | string | boolean)[];

export interface ClerkVersion {
  /** Input columns A, B, C … in order. */
  columns: string[];
  /** The formula in sheet row r (1-based). */
  formula: (r: number) => string;
  /** The same in float JavaScript, reading the same cells. */
  float: (cells: Cells) => number;
}

export const clerk: Record<string, ClerkVersion> = {
  'overquota-reward': {
    columns: ['totalStaff', 'disabledCounted', 'monthlyMinWage'],
    formula: (r) => `=MAX(0,FLOOR(B${r}-A${r}*1.5%,1))*5*C${r}`,
    float: (c) => Math.max(0, Math.floor((c[1] as number) - (c[0] as number) * 0.015)) * 5 * (c[2] as number),
  },
  'rent-subsidy': {
    columns: ['monthlyRent', 'months', 'monthsOperating', 'monthsSinceStart', 'monthsAlreadySubsidised', 'blindMassageShop'],
    formula: (r) => `=IF(AND(NOT(F${r}),C${r}>=12,D${r}<=36,E${r}<36),MIN(A${r},1000)*MIN(B${r},36-E${r}),0)`,
    float: (c) =>
      !c[5] && (c[2] as number) >= 12 && (c[3] as number) <= 36 && (c[4] as number) < 36
        ? Math.min(c[0] as number, 1000) * Math.min(c[1] as number, 36 - (c[4] as number))
        : 0,
  },
  'levy-due': {
    columns: ['totalStaff', 'disabledCounted', 'averageWage', 'socialAverageWage', 'year', 'unitKind'],
    formula: (r) =>
      `=IF(AND(A${r}<=30,F${r}="enterprise"),0,` +
      `ROUND(MAX(0,A${r}*1.5%-B${r})*IF(E${r}+1>=2019,MIN(C${r},2*D${r}),C${r})*IF(AND(E${r}+1>=2020,E${r}+1<=2027),IF(B${r}>=A${r}*1%,50%,90%),1),2))`,
    float: (cells) => {
      const staff = cells[0] as number;
      const counted = cells[1] as number;
      const averageWage = cells[2] as number;
      const socialAverageWage = cells[3] as number;
      const year = cells[4] as number;
      const unitKind = cells[5];
      // year is the data year; the levy is collected the next year, under the rules then in force (interpretation levy-year)
      const relief = year + 1 >= 2020 && year + 1 <= 2027;
      if (staff <= 30 && unitKind === 'enterprise') return 0;
      const wage = year + 1 >= 2019 ? Math.min(averageWage, 2 * socialAverageWage) : averageWage;
      const rate = relief ? (counted >= staff * 0.01 ? 0.5 : 0.9) : 1;
      return Math.round(Math.max(0, staff * 0.015 - counted) * wage * rate * 100) / 100;
    },
  },
};
