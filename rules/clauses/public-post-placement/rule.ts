/**
 * Rule `public-post-placement`, clause m1.2: whether a disabled person may be placed on a public-welfare post.
 * Not together with the 灵活就业人员社会保险补贴; a re-placement after the subsidy expires only for 重度残疾人等特殊困难人员;
 * placements in total at most the plan's number (原则上) — the first placement counts (interpretation `placements-total`).
 */
import { defineRule } from '../../core/rule.ts';
import { text } from '../../core/text.ts';
import { baotouPlan } from '../../parameters/plan.ts';
import { clauses } from '../../plans/baotou-2023-43/clauses.ts';
import { num } from '../../parameters/words.ts';

export const publicPostPlacement = defineRule({
  id: 'public-post-placement',
  clause: clauses['m1.2'],
  kind: 'clause',
  title: text('公益性岗位安置资格', 'Placement on a public-welfare post'),
  description: text(
    `首次安置；补贴期满后重度残疾人等特殊困难人员可再次安置，累计安置原则上不超过${num(baotouPlan.publicWelfarePost.maxPlacements)}次；不得同时享受灵活就业人员社会保险补贴`,
    `First placement; after expiry only persons with severe disabilities or similar hardship may be placed again, at most ${num(baotouPlan.publicWelfarePost.maxPlacements)} placements in total in principle; not together with the flexible-employment insurance subsidy`,
  ),
  inputs: [
    {
      name: 'placementNumber',
      type: 'integer',
      required: true,
      min: 1,
      label: text('第几次安置', 'Placement number'),
      description: text('本次是第几次公益性岗位安置（首次为1）', 'Which placement this is (the first is 1)'),
      unit: text('次', 'th'),
      example: 1,
    },
    {
      name: 'severe',
      type: 'boolean',
      label: text('重度残疾人等特殊困难人员', 'Severe disability or similar hardship'),
      description: text(
        '补贴期满后仍难以通过其他渠道实现就业的重度残疾人等特殊困难人员（再次安置时必填）',
        'A person with a severe disability or similar hardship who still cannot find work by other means after expiry (needed for a re-placement)',
      ),
      example: true,
    },
    {
      name: 'receivesFlexibleEmploymentInsuranceSubsidy',
      type: 'boolean',
      required: true,
      label: text('享受灵活就业人员社会保险补贴', 'Receives the flexible-employment insurance subsidy'),
      description: text('是否正在享受灵活就业人员社会保险补贴', 'Whether the person currently receives the social-insurance subsidy for flexible employment'),
      example: false,
    },
  ],
  outputs: [{ name: 'allowed', type: 'boolean', label: text('可以安置', 'Allowed') }],
  primary: 'allowed',
  compute(input, ctx) {
    const maxPlacements = ctx.at(baotouPlan.publicWelfarePost.maxPlacements).value;
    const n = input.placementNumber;
    ctx.condition(
      !input.receivesFlexibleEmploymentInsuranceSubsidy,
      'receives-flexible-employment-insurance-subsidy',
      '享受公益性岗位补贴人员不得同时享受灵活就业人员社会保险补贴',
      'a person on a subsidised public-welfare post may not also receive the flexible-employment social-insurance subsidy',
    );
    if (n === 1) {
      ctx.step(() => ['首次安置：不限于重度残疾人', 'First placement: open to any disabled person']);
    } else {
      ctx.rely('placements-total');
      ctx.step(() => [
        `第 ${n} 次安置；累计安置次数（含首次）原则上不超过 ${maxPlacements} 次`,
        `Placement ${n}; placements in total (the first included) at most ${maxPlacements}, in principle`,
      ]);
      if (n > maxPlacements) {
        ctx.condition(false, 'placements-exceeded', () => [
          `累计安置次数原则上不超过${maxPlacements}次，本次为第 ${n} 次`,
          `at most ${maxPlacements} placements in total, in principle; this would be placement ${n}`,
        ]);
        ctx.warn(
          `“原则上”不超过${maxPlacements}次：个别例外须按程序另行决定，本规则不作判断`,
          `"In principle" at most ${maxPlacements}: an exception needs a separate decision, which this rule does not make`,
        );
      } else {
        if (input.severe === undefined) {
          ctx.missing('severe', '再次安置须填写“重度残疾人等特殊困难人员”', 'A re-placement needs severe (severe disability or similar hardship)');
        }
        ctx.condition(
          input.severe === true,
          'not-special-hardship',
          '再次安置仅限补贴期满后仍难以通过其他渠道实现就业的重度残疾人等特殊困难人员',
          'a re-placement is only for persons with a severe disability or similar hardship who still cannot find work by other means',
        );
        if (input.severe) {
          ctx.step(() => [
            '再次安置：岗位补贴和社会保险补贴期限重新计算，并报自治区人力资源和社会保障厅、财政厅备案',
            'Re-placement: the post and social-insurance subsidy periods start again; file it with the regional human-resources and finance departments',
          ]);
        }
      }
    }
    const allowed = ctx.failed.length === 0;
    ctx.step(() => [
      allowed ? '结论：可以安置' : '结论：不可安置',
      allowed ? 'Conclusion: the placement is allowed' : 'Conclusion: the placement is not allowed',
    ]);
    return { allowed };
  },
});
