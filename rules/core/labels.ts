/** Labels and units shared by many rules' input and output specs. */
import { text } from './text.ts';

export const units = {
  yuan: text('元', 'yuan'),
  yuanPerMonth: text('元/月', 'yuan/month'),
  persons: text('人', 'persons'),
  months: text('个月', 'months'),
  years: text('年', 'years'),
  days: text('天', 'days'),
  classHours: text('课时', 'class hours'),
  metres: text('米', 'metres'),
};
