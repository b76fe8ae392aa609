import { z } from 'zod';
import { ORG_LEVELS } from '../../domain/org-code.ts';
import { singleLineText, ZOrgCode, ZVersion } from '../../server/schemas.ts';

export const ZOrgUnit = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  levelLabel: z.string(),
  name: z.string(),
  fullName: z.string(),
  childCount: z.number().int(),
  version: z.number().int(),
  policies: z.object({ update: z.boolean(), addVillagerGroup: z.boolean() }),
}).meta({ id: 'OrgUnit' });
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

export const ZOrgUnitDetail = ZOrgUnit.extend({ ancestors: z.array(z.object({ code: z.string(), name: z.string() })) });
export type TOrgUnitDetail = z.infer<typeof ZOrgUnitDetail>;

export const ZOrgUnitParams = z.strictObject({ code: ZOrgCode });
export const ZOrgUnitSearch = z.strictObject({ q: singleLineText('搜索内容', 50).min(1, '请输入名称或代码') });
const ZUnitName = singleLineText('名称', 50).min(1, '名称不能为空');
export const ZUpdateOrgUnit = z.strictObject({ name: ZUnitName, version: ZVersion });
export const ZCreateVillagerGroup = z.strictObject({ name: ZUnitName });
export const ZImportCounty = z.strictObject({ countyCode: z.string().regex(/^\d{6}(0{6})?$/, '县级区划代码应为 6 位数字，如 511425') });
export const ZCountyImportResult = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  townships: z.number().int(),
  villages: z.number().int(),
  inserted: z.number().int(),
});
