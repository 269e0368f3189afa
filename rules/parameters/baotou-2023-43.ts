/**
 * The numbers of 包府办发〔2023〕43号 《包头市促进残疾人就业实施方案》, each with its clause id.
 * Clause ids follow the document: m1.2 = 二、主要措施（一）2; g6 = 三、强化保障（六）; 四 = the closing paragraph.
 */
import { text } from '../core/text.ts';
import { param, type Source } from './types.ts';

const doc = '包府办发〔2023〕43号';
const at = (clause: string): Source => ({ document: doc, clause });

export const policy = {
  id: doc,
  title: text('包头市促进残疾人就业实施方案', 'Baotou Implementation Plan for Promoting the Employment of Persons with Disabilities'),
  publishedOn: '2023-03-23',
  issuedOn: '2023-03-31',
  /** 本方案自发布之日起30日后施行: 2023-03-23 + 30 days (interpretation `effective-date`). */
  validFrom: '2023-04-22',
  /** 有效期至2024年12月31日. */
  validTo: '2024-12-31',
  effectiveAfterDays: param(30, 'days', text('发布之日起30日后施行', 'in force 30 days after publication'), at('四')),
} as const;

export const baotouPlan = {
  agencyPlacement: {
    agencyMinEstablishment: param(50, 'persons', text('机关编制50人（含）以上', 'agencies with an establishment of 50 or more'), at('m1.1')),
    institutionMinEstablishment: param(67, 'persons', text('事业单位编制67人（含）以上', 'public institutions with an establishment of 67 or more'), at('m1.1')),
    minimumPlacement: param(1, 'persons', text('至少安排1名残疾人就业', 'place at least one disabled person'), at('m1.1')),
  },
  dpfCadres: {
    minimumRatio: param('0.15', 'ratio', text('残联机关干部队伍中要有15%以上的残疾人', 'at least 15 % of DPF cadres are disabled'), at('m1.1')),
  },
  publicWelfarePost: {
    subsidyYears: param(3, 'years', text('公益性岗位补贴期限不超过3年', 'public-welfare-post subsidy for at most 3 years'), at('m1.2')),
    yearsToRetirementForExtension: param(5, 'years', text('距离退休年龄不足5年的人员可延长至退休', 'less than 5 years to retirement: may be extended to retirement'), at('m1.2')),
    maxPlacements: param(2, 'placements', text('累计安置次数原则上不超过2次', 'at most 2 placements in total, in principle'), at('m1.2')),
  },
  tobacco: {
    favourableLicences: param(1, 'licences', text('可以办理一个优待条件下的烟草专卖零售许可证', 'one licence on favourable terms'), at('m2')),
    /** Distances by district group: [normal, disabled applicant]. */
    urban: {
      districts: ['kundulun', 'qingshan', 'donghe', 'jiuyuan'] as const,
      normal: param(65, 'metres', text('昆区、青山区、东河区、九原区正常办证65米', 'normal licence distance 65 m'), at('m2')),
      disabled: param(30, 'metres', text('残疾人办证30米', 'disabled applicant 30 m'), at('m2')),
    },
    outer: {
      districts: ['tumed-right', 'guyang', 'darhan-muminggan', 'bayan-obo', 'shiguai'] as const,
      normal: param(50, 'metres', text('土右旗、固阳县、达茂旗、白云矿区、石拐区正常办证50米', 'normal licence distance 50 m'), at('m2')),
      disabled: param(25, 'metres', text('残疾人办证25米', 'disabled applicant 25 m'), at('m2')),
    },
    favourableFractionOfNormal: param('0.5', 'ratio', text('间隔距离不少于正常距离的一半', 'at least half the normal distance'), at('m2')),
  },
  overquotaReward: {
    minimumWageMultiplier: param(5, 'multiplier', text('每超额安排1名残疾人，每年给予当地月最低工资标准的5倍', '5 × the local monthly minimum wage per person above the quota, per year'), at('m3.2')),
  },
  graduateHire: {
    minimumWageMultiplier: param(5, 'multiplier', text('每人每年给予当地月最低工资标准5倍的补贴', '5 × the local monthly minimum wage per person per year'), at('m3.2')),
    minContractMonths: param(12, 'months', text('签订一年以上劳动合同', 'labour contract of one year or more'), at('m3.2')),
    subsidyYears: param(3, 'years', text('补贴年限为3年', 'subsidised for 3 years'), at('m3.2')),
  },
  dispatchReferral: {
    rewardPerPerson: param('500', 'yuan/person', text('每安置1人，奖励500元', '500 yuan per person placed'), at('m3.2')),
    minEmployedMonths: param(12, 'months', text('稳定就业一年以上', 'stable employment of one year or more'), at('m3.2')),
  },
  stallReserve: {
    minimumShare: param('0.10', 'ratio', text('应预留不低于10%给残疾人', 'reserve at least 10 % for disabled persons'), at('m4')),
  },
  labourCoefficient: {
    zeroCategories: [5, 6] as const,
    severeGrades: [1, 2] as const,
    coefficient: param(0, 'multiplier', text('劳动力系数按0计算', 'labour coefficient counted as 0'), at('m5')),
  },
  ruralStartupLoan: {
    cap: param('200000', 'yuan', text('最高不超过20万元的创业担保贷款', 'guaranteed start-up loan of at most 200,000 yuan'), at('m6.2')),
  },
  ruralTraining: {
    minDays: param(5, 'days', text('培训不少于5天', 'at least 5 days of training'), at('m6.3')),
    minClassHours: param(40, 'class-hours', text('即40课时', 'i.e. 40 class hours'), at('m6.3')),
    perPerson: param('1500', 'yuan/person', text('平均每人补贴标准1500元', '1,500 yuan per person on average'), at('m6.3')),
    cityShare: param('0.5', 'ratio', text('市、县（区、旗）两级残联各负担50%', 'city and district DPFs pay 50 % each'), at('m6.3')),
  },
  hospitalBlindMassage: {
    minimumQualified: param(2, 'persons', text('至少安排两名具有全国医疗按摩资格的盲人', 'at least two blind persons with the national medical-massage qualification'), at('m8.1')),
  },
  blindMassageInsurance: {
    share: param('0.5', 'ratio', text('上一年度实际缴纳社会保险金额的50%予以补贴', '50 % of the social insurance actually paid in the previous year'), at('m8.2')),
    maxYears: param(15, 'years', text('每人补贴年限不超过15年', 'at most 15 years per person'), at('m8.2')),
  },
  rentSubsidy: {
    monthlyCap: param('1000', 'yuan/month', text('按每月最高不超过1000元', 'at most 1,000 yuan per month'), at('m9.2')),
    minMonthsOperating: param(12, 'months', text('正常运营满一年', 'operating normally for one full year'), at('m9.2')),
    applyWithinMonths: param(36, 'months', text('在自主创业三年内可提出申请', 'apply within three years of starting'), at('m9.2')),
    maxMonths: param(36, 'months', text('补贴期限不超过三年', 'subsidised for at most three years'), at('m9.2')),
    cityShare: param('0.5', 'ratio', text('市、县（区、旗）两级残联各负担50%', 'city and district DPFs pay 50 % each'), at('m9.2')),
  },
  skillsTraining: {
    minDays: param(5, 'days', text('培训不少于5天', 'at least 5 days of training'), at('m10.2')),
    minClassHours: param(40, 'class-hours', text('即40课时', 'i.e. 40 class hours'), at('m10.2')),
    perPerson: param('1500', 'yuan/person', text('平均每人每期培训补贴标准1500元', '1,500 yuan per person per session'), at('m10.2')),
    maxSessionsPerYear: param(3, 'sessions', text('每人每年参加残疾人职业技能培训不超过3次', 'at most 3 sessions per person per year'), at('m10.2')),
    repeatWindowMonths: param(12, 'months', text('同一培训项目同一等级一年内不可重复享受', 'the same project at the same level not twice within a year'), at('m10.2')),
    cityShare: param('0.5', 'ratio', text('市、县（区、旗）两级残联各负担50%', 'city and district DPFs pay 50 % each'), at('m10.2')),
  },
  reportDeadline: {
    month: param(11, 'months', text('每年11月底前向市残工委报送工作落实情况', 'report to the city by the end of November each year'), at('g6')),
  },
} as const;
