/**
 * The words of every clause of 包府办发〔2023〕43号 a rule cites, verbatim
 * (a test checks each text is found in the policy file). Clause ids follow the document.
 */
import { clause, keyed } from '../clause.ts';

/** The clauses of 包府办发〔2023〕43号 (its plan data, `plan.ts`, carries them). */
export const clauses = keyed({
  'm1.1': clause(
    'm1.1',
    '二、主要措施（一）1 落实机关、事业单位带头安排残疾人就业',
    'Measures (1) 1: agencies and public institutions lead in employing disabled persons',
    '确保“十四五”期间，编制在50人（含）以上的机关和编制在67人（含）以上的事业单位（中小学、幼儿园除外），安排残疾人未达到规定比例的，至少安排1名残疾人就业。旗县级和乡镇级机关和事业单位可根据编制总数，统筹按比例安排残疾人就业。县级及以上残联机关干部队伍中要有15%以上的残疾人。',
  ),
  'm1.2': clause(
    'm1.2',
    '二、主要措施（一）2 开发残疾人公益性岗位',
    'Measures (1) 2: public-welfare posts for disabled persons',
    '享受公益性岗位补贴人员不得同时享受灵活就业人员社会保险补贴。各用人单位可结合实际，考虑残疾人生活成本等因素，适当提高残疾人公益岗的薪酬待遇标准，所需资金由用人单位承担。公益性岗位补贴期限不超过3年，距离退休年龄不足5年的人员可延长至退休。对补贴期满后仍然难以通过其他渠道实现就业的重度残疾人等特殊困难人员，可再次按程序通过公益性岗位予以安置，岗位补贴和社会保险补贴期限重新计算，并报自治区人力资源和社会保障厅、财政厅备案，累计安置次数原则上不超过2次。',
  ),
  m2: clause(
    'm2',
    '二、主要措施（二）推进国有企业安排残疾人就业',
    'Measures (2): state-owned enterprises; tobacco retail licences',
    '各地烟草专卖管理部门对残疾人申请烟草制品零售许可证的，经审核确认后，凭有效证件可以办理一个优待条件下的烟草专卖零售许可证，可由监护人在店中辅助经营（合伙经营、雇佣经营除外），优待条件下烟草制品零售点间隔距离不少于正常距离的一半（昆区、青山区、东河区、九原区正常办证65米，残疾人办证30米；土右旗、固阳县、达茂旗、白云矿区、石拐区正常办证50米，残疾人办证25米）。',
  ),
  /** The same clause (二) as the tobacco rule; the levy sentence is the part the `levy-due` helper serves. */
  'm2-levy': clause(
    'm2',
    '二、主要措施（二）推进国有企业安排残疾人就业',
    'Measures (2): units below the quota pay the employment-security fund',
    '国有企业按比例安排残疾人就业情况纳入企业责任报告，未按比例安排残疾人就业的应及时足额缴纳残疾人就业保障金。',
  ),
  'm3.2': clause(
    'm3.2',
    '二、主要措施（三）2 用人单位安排残疾人就业奖励及相关补贴',
    'Measures (3) 2: rewards and subsidies for employers',
    '对安排残疾人就业超过本单位在职职工总数1.5%的用人单位（不含财政拨款的单位和集中安排残疾人就业机构），每超额安排1名残疾人，每年给予用人单位当地月最低工资标准的5倍进行奖励。对安置应届高校毕业残疾人（不含公益性岗位）签订一年以上劳动合同并办理社会保险的用人单位，每人每年给予用人单位当地月最低工资标准5倍的补贴，补贴年限为3年。对推荐残疾人成功签订劳动合同并稳定就业一年以上的劳务派遣机构，每安置1人，奖励500元推荐残疾人就业补贴，奖励资金由残疾人就业保障金审核征缴地区列支。',
  ),
  m4: clause(
    'm4',
    '二、主要措施（四）引导残疾人组织帮助残疾人就业创业',
    'Measures (4): stalls and shops reserved for disabled persons',
    '政府和街道兴办贸易市场，设立商铺、摊位等便民服务网点时，应预留不低于10%给残疾人，并适当减免摊位费、租赁费，有条件的地方应免费提供店面。',
  ),
  m5: clause(
    'm5',
    '二、主要措施（五）帮扶就业困难残疾人就业',
    'Measures (5): labour coefficient in minimum-living-allowance income',
    '智力、精神及重度残疾人在计算低保家庭收入时，劳动力系数按0计算，对就业后家庭人均收入超过当地低保标准的残疾人低保家庭，按规定落实低保渐退政策。',
  ),
  'm6.2': clause(
    'm6.2',
    '二、主要措施（六）2 农村牧区创业担保贷款',
    'Measures (6) 2: rural start-up guaranteed loans',
    '对自主创业符合条件的农村牧区残疾人、脱贫人口（含防返贫致贫监测对象）、返乡创业农民工，不受户籍所在地限制，可申请最高不超过20万元的创业担保贷款。',
  ),
  'm6.3': clause(
    'm6.3',
    '二、主要措施（六）3 农村牧区困难残疾人实用技术培训',
    'Measures (6) 3: practical-skills training in rural and pastoral areas',
    '实施农村牧区困难残疾人实用技术培训项目，培训不少于5天（即40课时），平均每人补贴标准1500元，主要用于培训人员食宿、交通、培训课程费用等，以及购买培训使用的生产学习资料（如猪仔、鸡仔、种苗等）费用，培训资金由市、县（区、旗）两级残联各负担50%。',
  ),
  'm8.1': clause(
    'm8.1',
    '二、主要措施（八）1 盲人医疗按摩',
    'Measures (8) 1: blind medical masseurs in hospitals',
    '旗县级及以上医院至少安排两名具有全国医疗按摩资格的盲人就业。',
  ),
  'm8.2': clause(
    'm8.2',
    '二、主要措施（八）2 盲人按摩从业人员社会保险补贴',
    'Measures (8) 2: social-insurance subsidy for blind masseurs',
    '对我市盲人按摩从业人员在上一年度实际缴纳社会保险金额的50%予以补贴，每人补贴年限不超过15年，所需经费由市本级残疾人就业保障金承担。',
  ),
  'm9.2': clause(
    'm9.2',
    '二、主要措施（九）2 场地租金补贴',
    'Measures (9) 2: rent subsidy for self-employed disabled persons',
    '自主创业残疾人在本市行政区域内租用经营场地创办创业实体的，自创业实体取得营业执照（或其他法定注册登记手续）之日起正常运营满一年的，在自主创业三年内可向申请人户籍所在地的旗县区残联提出创业补贴申请，按每月最高不超过1000元，由户籍所在地残联给予场地租金补贴；实际租金低于补贴标准的，按实际租金补贴，补贴期限不超过三年（盲人按摩店除外）。补贴资金由市、县（区、旗）两级残联各负担50%。',
  ),
  'm10.2': clause(
    'm10.2',
    '二、主要措施（十）2 残疾人职业技能培训',
    'Measures (10) 2: vocational skills training',
    '组织实施残疾人职业技能培训，培训不少于5天（即40课时），平均每人每期培训补贴标准1500元，主要用于培训人员食宿、交通、培训课程费用等，以及购买培训使用的生产学习资料费用，每人每年参加残疾人职业技能培训不超过3次（同一培训项目同一等级一年内不可重复享受），培训资金由市、县（区、旗）两级残联各负担50%。',
  ),
  g6: clause(
    'g6',
    '三、强化保障（六）开展监测评估',
    'Safeguards (6): monitoring and evaluation',
    '各旗县区、稀土高新区残工委每年11月底前向市残工委报送工作落实情况。',
  ),
  四: clause('四', '施行日期和有效期', 'Entry into force and validity', '本方案自发布之日起30日后施行，有效期至2024年12月31日。'),
});

export type ClauseId = keyof typeof clauses;
