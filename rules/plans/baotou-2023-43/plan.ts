/**
 * 包府办发〔2023〕43号 《包头市促进残疾人就业实施方案》 as data: validity (clause 四), the words of
 * its clauses (`clauses.ts` beside this file, checked against the policy file) and every number it sets,
 * each with its clause id (m1.2 = 二、主要措施（一）2; g6 = 三、强化保障（六）; 四 = the closing paragraph).
 */
import { text } from '../../core/text.ts';
import { deepFreeze } from '../../parameters/types.ts';
import type { Plan } from '../types.ts';
import { clauses } from './clauses.ts';

const baotou2023: Plan = deepFreeze({
  id: '包府办发〔2023〕43号',
  title: text('包头市促进残疾人就业实施方案', 'Baotou Implementation Plan for Promoting the Employment of Persons with Disabilities'),
  publishedOn: '2023-03-23',
  issuedOn: '2023-03-31',
  /** 本方案自发布之日起30日后施行: 2023-03-23 + 30 days (interpretation `effective-date`; a test checks the sum). */
  validFrom: '2023-04-22',
  /** 有效期至2024年12月31日. */
  validTo: '2024-12-31',
  clauses,
  values: {
    agencyPlacement: { agencyMinEstablishment: [50, 'm1.1'], institutionMinEstablishment: [67, 'm1.1'], minimumPlacement: [1, 'm1.1'] },
    dpfCadres: { minimumRatio: ['0.15', 'm1.1'] },
    publicWelfarePost: { subsidyYears: [3, 'm1.2'], yearsToRetirementForExtension: [5, 'm1.2'], maxPlacements: [2, 'm1.2'] },
    tobacco: {
      favourableLicences: [1, 'm2'],
      urban: { districts: [['kundulun', 'qingshan', 'donghe', 'jiuyuan'], 'm2'], normal: [65, 'm2'], disabled: [30, 'm2'] },
      outer: { districts: [['tumed-right', 'guyang', 'darhan-muminggan', 'bayan-obo', 'shiguai'], 'm2'], normal: [50, 'm2'], disabled: [25, 'm2'] },
      favourableFractionOfNormal: ['0.5', 'm2'],
    },
    overquotaReward: { minimumWageMultiplier: [5, 'm3.2'] },
    graduateHire: { minimumWageMultiplier: [5, 'm3.2'], minContractMonths: [12, 'm3.2'], subsidyYears: [3, 'm3.2'] },
    dispatchReferral: { rewardPerPerson: ['500', 'm3.2'], minEmployedMonths: [12, 'm3.2'] },
    stallReserve: { minimumShare: ['0.10', 'm4'] },
    labourCoefficient: { zeroCategories: [[5, 6], 'm5'], severeGrades: [[1, 2], 'm5'], coefficient: [0, 'm5'] },
    ruralStartupLoan: { cap: ['200000', 'm6.2'] },
    ruralTraining: { minDays: [5, 'm6.3'], minClassHours: [40, 'm6.3'], perPerson: ['1500', 'm6.3'], cityShare: ['0.5', 'm6.3'] },
    hospitalBlindMassage: { minimumQualified: [2, 'm8.1'] },
    blindMassageInsurance: { share: ['0.5', 'm8.2'], maxYears: [15, 'm8.2'] },
    rentSubsidy: {
      monthlyCap: ['1000', 'm9.2'],
      minMonthsOperating: [12, 'm9.2'],
      applyWithinMonths: [36, 'm9.2'],
      maxMonths: [36, 'm9.2'],
      cityShare: ['0.5', 'm9.2'],
    },
    skillsTraining: {
      minDays: [5, 'm10.2'],
      minClassHours: [40, 'm10.2'],
      perPerson: ['1500', 'm10.2'],
      maxSessionsPerYear: [3, 'm10.2'],
      repeatWindowMonths: [12, 'm10.2'],
      cityShare: ['0.5', 'm10.2'],
    },
    reportDeadline: { month: [11, 'g6'] },
    validity: { effectiveAfterDays: [30, '四'] },
  },
});

/** The folder's plan: `scripts/plan-index.mjs` serves each folder's default export. */
export default baotou2023;
