/**
 * The configurable enumerations (字典) of SPEC section 2 and their default items. The org
 * department edits labels, order and which items are in use; codes stay stable because records
 * store them.
 */
export const DICTIONARIES = {
  gender: '性别',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  health: '健康状况',
  sourceCategory: '来源类别',
  targetPost: '拟任岗位',
  readiness: '成熟度',
  villageCondition: '村（社区）状况',
  removalReason: '调整原因',
  jointReviewDepartment: '联审部门',
} as const;
export type DictionaryName = keyof typeof DICTIONARIES;
export const DICTIONARY_NAMES = Object.keys(DICTIONARIES) as DictionaryName[];

export const DEFAULT_DICTIONARY_ITEMS: Record<DictionaryName, readonly (readonly [code: string, label: string])[]> = {
  gender: [['male', '男'], ['female', '女']],
  ethnicity: [
    ['han', '汉族'], ['hui', '回族'], ['zang', '藏族'], ['yi', '彝族'], ['zhuang', '壮族'], ['miao', '苗族'], ['man', '满族'],
    ['uygur', '维吾尔族'], ['menggu', '蒙古族'], ['tujia', '土家族'], ['buyi', '布依族'], ['dong', '侗族'], ['yao', '瑶族'],
    ['bai', '白族'], ['hani', '哈尼族'], ['hasake', '哈萨克族'], ['li', '黎族'], ['dai', '傣族'], ['qiang', '羌族'], ['other', '其他民族'],
  ],
  politicalStatus: [['fullMember', '中共党员'], ['probationaryMember', '中共预备党员'], ['developmentTarget', '发展对象'], ['activist', '入党积极分子'], ['masses', '群众']],
  education: [['primary', '小学及以下'], ['juniorHigh', '初中'], ['seniorHigh', '高中·中专'], ['juniorCollege', '大专'], ['bachelor', '本科'], ['postgraduate', '研究生']],
  health: [['healthy', '健康'], ['good', '良好'], ['fair', '一般'], ['poor', '较差']],
  sourceCategory: [
    ['currentCadre', '现任村“两委”干部'], ['groupLeader', '村民小组长'], ['veteran', '退役军人'], ['wealthyEntrepreneur', '致富能手'],
    ['migrantWorker', '外出务工经商人员'], ['graduate', '高校毕业生/原大学生村官'], ['cooperativeHead', '合作社或新型农业经营主体负责人'],
    ['villageDoctorTeacher', '乡村医生/教师'], ['returneeEntrepreneur', '返乡创业人员'], ['gridWorker', '网格员'],
    ['residentsGroupLeader', '居民小组长'], ['residentsRepresentative', '居民代表'], ['socialOrganisationHead', '社会组织负责人'],
    ['socialWorker', '社会工作者'], ['buildingHead', '楼栋长'],
  ],
  targetPost: [['secretary', '村党组织书记'], ['committeeMember', '两委委员']],
  readiness: [['readyNow', '成熟，可随时使用'], ['withinTwoYears', '1–2 年内可使用'], ['longer', '需长期培养']],
  villageCondition: [['weakAndLax', '软弱涣散'], ['ordinary', '一般'], ['developingWell', '发展较好']],
  removalReason: [
    ['unsteadyPolitics', '政治立场不坚定'], ['poorPerformance', '现实表现不好'], ['lowRecognition', '群众公认度不高'], ['poorStudy', '学习不力'],
    ['poorWork', '工作不实'], ['movedAway', '长期外出'], ['poorSkill', '业务不精'], ['poorResults', '成效不彰'],
    ['ownRequest', '本人申请'], ['overAge', '年龄超限'], ['used', '已使用'], ['deceased', '去世'], ['other', '其他'],
  ],
  jointReviewDepartment: [
    ['discipline', '纪检监察机关'], ['politicsLaw', '政法委'], ['publicSecurity', '公安机关'], ['court', '法院'], ['procuratorate', '检察院'],
    ['civilAffairs', '民政部门'], ['petition', '信访部门'], ['health', '卫生健康部门'], ['agriculture', '农业农村部门'], ['marketRegulation', '市场监管部门'],
    ['taxation', '税务部门'], ['naturalResources', '自然资源部门'],
  ],
};
