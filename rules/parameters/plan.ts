/**
 * The numbers a Baotou plan sets, as a catalogue: each parameter's id, unit and description. Their
 * values and sources come from the plans (`rules/plans/`): each registered plan adds, to each parameter
 * it states, an entry `{ from: plan.validFrom, value, source: { document: plan.id, clause } }`.
 * The descriptions name what is set, never the number: the number is the plan's.
 */
import { text } from '../core/text.ts';
import { planParameter as p } from './types.ts';

/** What both training subsidies set (clauses m6.3 and m10.2). */
const training = (group: string) => ({
  minDays: p<number>(`${group}.minDays`, 'days', text('培训最短天数（含）', 'shortest training (inclusive)')),
  minClassHours: p<number>(`${group}.minClassHours`, 'class-hours', text('培训最少课时（含）', 'fewest class hours (inclusive)')),
  cityShare: p<string>(`${group}.cityShare`, 'ratio', text('市级残联负担的比例', "the city DPF's share")),
});

export const baotouPlan = {
  agencyPlacement: {
    agencyMinEstablishment: p<number>(
      'agencyPlacement.agencyMinEstablishment',
      'persons',
      text('须安排残疾人的机关的最小编制数（含）', 'smallest establishment of an agency that must place a disabled person (inclusive)'),
    ),
    institutionMinEstablishment: p<number>(
      'agencyPlacement.institutionMinEstablishment',
      'persons',
      text('须安排残疾人的事业单位的最小编制数（含）', 'smallest establishment of a public institution that must place a disabled person (inclusive)'),
    ),
    minimumPlacement: p<number>('agencyPlacement.minimumPlacement', 'persons', text('至少安排的残疾人数', 'disabled persons to place at least')),
  },
  dpfCadres: {
    minimumRatio: p<string>(
      'dpfCadres.minimumRatio',
      'ratio',
      text('残联机关干部中残疾人的最低比例（含）', 'lowest share of disabled cadres in DPF organs (inclusive)'),
    ),
  },
  publicWelfarePost: {
    subsidyYears: p<number>('publicWelfarePost.subsidyYears', 'years', text('公益性岗位补贴的最长年限', 'longest public-welfare-post subsidy')),
    yearsToRetirementForExtension: p<number>(
      'publicWelfarePost.yearsToRetirementForExtension',
      'years',
      text('距退休不足此年数的人员可延长至退休', 'less than this to retirement: may be extended to retirement'),
    ),
    maxPlacements: p<number>('publicWelfarePost.maxPlacements', 'placements', text('累计安置次数上限（原则上）', 'most placements in total (in principle)')),
  },
  tobacco: {
    favourableLicences: p<number>('tobacco.favourableLicences', 'licences', text('优待条件下可办理的许可证数', 'licences on favourable terms per applicant')),
    /** Distances by district group: normal and for a disabled applicant. */
    urban: {
      districts: p<readonly string[]>('tobacco.urban.districts', 'districts', text('按第一档间距办证的旗县区', 'districts of the first distance group')),
      normal: p<number>(
        'tobacco.urban.normal',
        'metres',
        text('昆区、青山区、东河区、九原区正常办证间距', 'normal licence distance in Kundulun, Qingshan, Donghe, Jiuyuan'),
      ),
      disabled: p<number>(
        'tobacco.urban.disabled',
        'metres',
        text('昆区、青山区、东河区、九原区残疾人办证间距', 'disabled applicant distance in Kundulun, Qingshan, Donghe, Jiuyuan'),
      ),
    },
    outer: {
      districts: p<readonly string[]>('tobacco.outer.districts', 'districts', text('按第二档间距办证的旗县区', 'districts of the second distance group')),
      normal: p<number>(
        'tobacco.outer.normal',
        'metres',
        text('土右旗、固阳县、达茂旗、白云矿区、石拐区正常办证间距', 'normal licence distance in the outer districts'),
      ),
      disabled: p<number>(
        'tobacco.outer.disabled',
        'metres',
        text('土右旗、固阳县、达茂旗、白云矿区、石拐区残疾人办证间距', 'disabled applicant distance in the outer districts'),
      ),
    },
    favourableFractionOfNormal: p<string>(
      'tobacco.favourableFractionOfNormal',
      'ratio',
      text('优待间距不少于正常间距的比例', 'favourable distance as a share of the normal distance, at least'),
    ),
  },
  overquotaReward: {
    minimumWageMultiplier: p<number>(
      'overquotaReward.minimumWageMultiplier',
      'multiplier',
      text('每超额安排1名残疾人每年奖励的月最低工资倍数', 'times the monthly minimum wage per person above the quota, per year'),
    ),
  },
  graduateHire: {
    minimumWageMultiplier: p<number>(
      'graduateHire.minimumWageMultiplier',
      'multiplier',
      text('每人每年补贴的月最低工资倍数', 'times the monthly minimum wage per person per year'),
    ),
    minContractMonths: p<number>('graduateHire.minContractMonths', 'months', text('劳动合同的最短期限（含）', 'shortest labour contract (inclusive)')),
    subsidyYears: p<number>('graduateHire.subsidyYears', 'years', text('补贴年限', 'years subsidised')),
  },
  dispatchReferral: {
    rewardPerPerson: p<string>('dispatchReferral.rewardPerPerson', 'yuan/person', text('每安置1人的奖励', 'reward per person placed')),
    minEmployedMonths: p<number>('dispatchReferral.minEmployedMonths', 'months', text('稳定就业的最短期限（含）', 'shortest stable employment (inclusive)')),
  },
  stallReserve: {
    minimumShare: p<string>(
      'stallReserve.minimumShare',
      'ratio',
      text('预留给残疾人的商铺、摊位最低比例（含）', 'lowest share of shops and stalls reserved (inclusive)'),
    ),
  },
  labourCoefficient: {
    zeroCategories: p<readonly number[]>(
      'labourCoefficient.zeroCategories',
      'categories',
      text('劳动力系数按规定系数计算的残疾类别（残疾人证类别代码）', 'disability categories (certificate codes) counted with the coefficient'),
    ),
    severeGrades: p<readonly number[]>('labourCoefficient.severeGrades', 'grades', text('按重度残疾计算的残疾等级', 'grades counted as severe disability')),
    coefficient: p<number>('labourCoefficient.coefficient', 'multiplier', text('低保收入计算中的劳动力系数', 'labour coefficient in the allowance income')),
  },
  ruralStartupLoan: {
    cap: p<string>('ruralStartupLoan.cap', 'yuan', text('创业担保贷款最高额度（含）', 'largest guaranteed start-up loan (inclusive)')),
  },
  ruralTraining: {
    ...training('ruralTraining'),
    perPerson: p<string>('ruralTraining.perPerson', 'yuan/person', text('平均每人补贴标准', 'subsidy per person on average')),
  },
  hospitalBlindMassage: {
    minimumQualified: p<number>(
      'hospitalBlindMassage.minimumQualified',
      'persons',
      text('旗县级及以上医院至少安排的具有医疗按摩资格的盲人数', 'qualified blind masseurs a county-level or higher hospital places at least'),
    ),
  },
  blindMassageInsurance: {
    share: p<string>(
      'blindMassageInsurance.share',
      'ratio',
      text('按上一年度实际缴纳社会保险金额补贴的比例', 'share of the previous year’s social insurance paid'),
    ),
    maxYears: p<number>('blindMassageInsurance.maxYears', 'years', text('每人补贴年限上限（含）', 'most years per person (inclusive)')),
  },
  rentSubsidy: {
    monthlyCap: p<string>('rentSubsidy.monthlyCap', 'yuan/month', text('每月租金补贴上限（含）', 'most per month (inclusive)')),
    minMonthsOperating: p<number>('rentSubsidy.minMonthsOperating', 'months', text('正常运营满此月数方可申请', 'months of normal operation before applying')),
    applyWithinMonths: p<number>('rentSubsidy.applyWithinMonths', 'months', text('自主创业后可申请的期限', 'months after starting within which to apply')),
    maxMonths: p<number>('rentSubsidy.maxMonths', 'months', text('补贴期限上限（含）', 'longest subsidy (inclusive)')),
    cityShare: p<string>('rentSubsidy.cityShare', 'ratio', text('市级残联负担的比例', "the city DPF's share")),
  },
  skillsTraining: {
    ...training('skillsTraining'),
    perPerson: p<string>('skillsTraining.perPerson', 'yuan/person', text('平均每人每期培训补贴标准', 'subsidy per person per session')),
    maxSessionsPerYear: p<number>(
      'skillsTraining.maxSessionsPerYear',
      'sessions',
      text('每人每年参加培训次数上限（含）', 'most sessions per person per year (inclusive)'),
    ),
    repeatWindowMonths: p<number>(
      'skillsTraining.repeatWindowMonths',
      'months',
      text('同一项目同一等级不可重复享受的期间', 'period within which the same project and level is not subsidised twice'),
    ),
  },
  reportDeadline: {
    month: p<number>('reportDeadline.month', 'months', text('每年报送工作落实情况的截止月份（月底）', 'month by whose end the yearly report is due')),
  },
  validity: {
    effectiveAfterDays: p<number>('validity.effectiveAfterDays', 'days', text('发布之日起施行前的天数', 'days from publication to entry into force')),
  },
};

export type BaotouPlanParameters = typeof baotouPlan;
