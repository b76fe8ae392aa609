/**
 * Roles of SPEC section 1 and what each may do. A role is always bound to an organisation unit,
 * and what it grants applies to that unit's subtree only.
 */
export const ROLES = [
  'administrator',
  'orgDepartment',
  'townshipCommittee',
  'villageClerk',
  'mentor',
  'jointReviewDepartment',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: '系统管理员',
  orgDepartment: '组织部',
  townshipCommittee: '乡镇党委',
  villageClerk: '村党组织',
  mentor: '帮带导师',
  jointReviewDepartment: '联审部门',
  auditor: '审计/只读领导',
};

export const PERMISSIONS = [
  'orgUnit.read',
  'orgUnit.update',
  'orgUnit.import',
  'user.read',
  'user.manage',
  'dictionary.manage',
  'audit.read',
  'audit.verify',
  'person.read',
  'person.write',
  'person.revealSensitive',
  'reserve.write',
  'selection.read',
  'selection.nominate',
  'selection.review',
  'selection.file',
  'policy.manage',
  'jointReview.answer',
  'cultivation.read',
  'cultivation.write',
  'cultivation.assess',
  'mentoring.log',
  'village.manage',
  'removal.propose',
  'removal.approve',
  'removal.file',
  'appointment.recommend',
  'appointment.approve',
  'appointment.file',
  'secretary.review',
  'election.read',
  'election.conduct',
  'election.manage',
  'election.county',
  'report.file',
  'campaign.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'orgUnit.read': '查看组织机构',
  'orgUnit.update': '维护组织机构',
  'orgUnit.import': '导入行政区划',
  'user.read': '查看用户',
  'user.manage': '管理用户和角色',
  'dictionary.manage': '维护数据字典',
  'audit.read': '查看操作日志',
  'audit.verify': '校验操作日志',
  'person.read': '查看人员档案、台账和后备力量',
  'person.write': '维护人员档案和人才台账',
  'person.revealSensitive': '查看完整身份证号码和联系电话',
  'reserve.write': '维护后备力量',
  'selection.read': '查看选拔工作',
  'selection.nominate': '推荐人选',
  'selection.review': '审查、测评、谈话、公示和决定',
  'selection.file': '备案',
  'policy.manage': '维护资格条件和节假日安排',
  'jointReview.answer': '办理联审',
  'cultivation.read': '查看培养教育记录',
  'cultivation.write': '维护培训、实践和村级考核意见',
  'cultivation.assess': '乡镇考核意见、年度考核结果和潜力评定',
  'mentoring.log': '填写结对帮带记录',
  'village.manage': '维护村情和“两委”名册',
  'removal.propose': '提出后备力量调整建议',
  'removal.approve': '审批后备力量调整',
  'removal.file': '后备力量调整备案',
  'appointment.recommend': '推荐后备力量任职',
  'appointment.approve': '审批任用、发布任职公示和决定任职',
  'appointment.file': '任用备案',
  'secretary.review': '登记村党组织书记述职评议和处分',
  'election.read': '查看村级换届',
  'election.conduct': '办理村级换届的推荐、选举登记和纪律事项',
  'election.manage': '制定换届方案、设定职数、审查和批准候选人、审批选举结果',
  'election.county': '审批超职数、书记候选人“双签”和换届结果备案',
  'report.file': '生成统计快照、报备汇总表',
  'campaign.manage': '制定行动方案、确认进度安排完成',
};

const GRANTS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  orgDepartment: [
    'orgUnit.read', 'orgUnit.update', 'orgUnit.import', 'user.read', 'user.manage', 'dictionary.manage', 'audit.read',
    'person.read', 'person.write', 'person.revealSensitive', 'reserve.write',
    'selection.read', 'selection.nominate', 'selection.file', 'policy.manage',
    'cultivation.read', 'cultivation.write', 'cultivation.assess',
    'village.manage', 'removal.file', 'appointment.file', 'secretary.review', 'report.file', 'campaign.manage', 'election.read', 'election.county',
  ],
  townshipCommittee: [
    'orgUnit.read', 'orgUnit.update', 'user.read', 'user.manage', 'audit.read', 'person.read', 'person.write', 'person.revealSensitive', 'reserve.write',
    'selection.read', 'selection.nominate', 'selection.review',
    'cultivation.read', 'cultivation.write', 'cultivation.assess', 'mentoring.log',
    'village.manage', 'removal.approve', 'appointment.recommend', 'appointment.approve', 'secretary.review', 'report.file', 'campaign.manage',
    'election.read', 'election.conduct', 'election.manage',
  ],
  villageClerk: [
    'orgUnit.read', 'person.read', 'person.write', 'reserve.write', 'selection.read', 'selection.nominate', 'cultivation.read', 'cultivation.write',
    'removal.propose', 'appointment.recommend', 'election.read', 'election.conduct',
  ],
  // Mentors see their mentees only, and joint-review departments the candidates sent to them:
  // neither reads the pool as a whole (their modules check the assignment, not the subtree).
  mentor: ['orgUnit.read', 'mentoring.log'],
  jointReviewDepartment: ['orgUnit.read', 'jointReview.answer'],
  auditor: ['orgUnit.read', 'user.read', 'audit.read', 'person.read', 'selection.read', 'cultivation.read', 'election.read'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The lowest level of unit a role may be bound to, and the highest. */
export const ROLE_LEVELS: Record<Role, readonly string[]> = {
  administrator: ['nation', 'province', 'city', 'county'],
  orgDepartment: ['province', 'city', 'county'],
  townshipCommittee: ['township'],
  villageClerk: ['village', 'community'],
  mentor: ['county', 'township', 'village', 'community'],
  jointReviewDepartment: ['province', 'city', 'county'],
  auditor: ['nation', 'province', 'city', 'county', 'township'],
};

/**
 * Which roles a holder of each role may grant, or manage on another user, within its own subtree.
 * Never a role above the granter's own: a township committee grants village clerks, mentors and
 * township auditors, never an organisation department; only an administrator grants an administrator.
 */
const GRANTABLE: Record<Role, readonly Role[]> = {
  administrator: ROLES,
  orgDepartment: ['orgDepartment', 'townshipCommittee', 'villageClerk', 'mentor', 'jointReviewDepartment', 'auditor'],
  townshipCommittee: ['townshipCommittee', 'villageClerk', 'mentor', 'auditor'],
  villageClerk: [],
  mentor: [],
  jointReviewDepartment: [],
  auditor: [],
};

/** Whether a holder of `granter` may grant `role` (both bound within the granter's subtree). */
export function canGrantRole(granter: Role, role: Role): boolean {
  return GRANTABLE[granter].includes(role);
}
