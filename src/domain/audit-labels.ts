/**
 * Chinese names of what the audit log records: actions and the kinds of records they touch. One
 * table for the audit page, its export and its filter by a Chinese action name.
 */
import { APPOINTMENT_ACTION_RULES } from './appointment-procedure.ts';
import { ELECTION_RECORD_LABELS } from './election-procedure.ts';
import { ACTION_RULES, type SelectionAction } from './selection-procedure.ts';

const SELECTION_SIDE_STEPS: Record<string, string> = {
  nominate: '推荐人选', attach: '上传佐证材料', requestException: '申请破格', decideException: '审批破格', sendJointReview: '送联审',
  answerJointReview: '回复联审', resolveConcern: '核实处理联审问题', recordObjection: '登记公示异议', handleObjection: '处理公示异议',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'user.create': '创建用户', 'user.update': '修改用户', 'user.resetPassword': '重置密码', 'user.changePassword': '修改本人密码',
  'orgUnit.update': '修改单位', 'orgUnit.create': '增加村民小组', 'orgUnit.import': '导入行政区划',
  'dictionary.create': '新增字典项', 'dictionary.update': '修改字典项',
  'person.update': '修改人员档案', 'person.reveal': '查看完整身份证号和电话', 'person.photo': '上传照片',
  'talentLedger.create': '登记人才台账', 'talentLedger.update': '修改人才台账', 'talentLedger.import': '导入人才台账', 'talentLedger.export': '导出人才台账',
  'reserve.create': '纳入后备力量', 'reserve.update': '修改后备力量',
  'roster.export': '导出名册', 'audit.export': '导出操作日志', 'loginLog.export': '导出登录日志', 'roster.import': '导入名册', 'committeeRoster.import': '导入“两委”名册', 'committeeRoster.export': '导出“两委”名册',
  'eligibilityPolicy.create': '保存资格条件新版本', 'officialCalendar.update': '修改工作日历', 'villageReserveNeed.update': '修改村情与人选需求',
  'training.create': '登记培训', 'training.update': '修改培训', 'training.delete': '删除培训', 'training.attendance': '登记参训情况', 'training.rules': '修改培训规则', 'training.export': '导出参训情况', 'reminders.export': '导出培养教育提醒',
  'mentoring.assign': '指定帮带导师', 'mentoring.update': '修改帮带关系', 'mentoring.contact': '填写帮带记录', 'mentoring.contactUpdate': '修改帮带记录',
  'mentoring.contactDelete': '删除帮带记录', 'mentoring.summary': '填写季度帮带小结', 'mentoring.summaryUpdate': '修改季度帮带小结', 'mentoring.talk': '记录书记年度谈话', 'mentoring.export': '导出帮带记录',
  'practice.create': '登记实践锻炼', 'practice.update': '修改实践锻炼', 'practice.delete': '删除实践锻炼', 'practice.observer': '登记列席会议', 'practice.observerDelete': '删除列席会议',
  'snapshot.take': '生成统计快照', 'summaryTable.export': '导出汇总表', 'summaryTable.file': '汇总表报备', 'statistics.export': '导出结构统计',
  'analysisReport.export': '生成综合分析研判报告', 'campaign.create': '制定行动方案', 'campaign.update': '修改行动方案', 'milestone.update': '修改进度安排',
  'milestone.confirm': '确认完成进度安排', 'appointmentForm.export': '导出干部任免审批表（.lrmx）',
  'election.createPlan': '制定乡镇村级换届工作方案', 'election.printNotice': '打印换届选举结果公示', 'election.exportSummary': '导出换届情况汇总表',
  ...Object.fromEntries(Object.entries(ELECTION_RECORD_LABELS).map(([record, label]) => [`election.${record}`, label])),
  'villageProfile.update': '修改村情', 'committeeMember.create': '增加“两委”成员', 'committeeMember.leave': '登记“两委”成员离任', 'postVacancy.create': '登记空缺职务',
  'secretaryReview.create': '登记书记述职评议', 'secretaryTraining.create': '登记书记培训', 'secretaryDiscipline.create': '登记书记处分',
  'reserveRemoval.propose': '提出调整后备力量', 'reserveRemoval.approve': '批准调整后备力量', 'reserveRemoval.refuse': '不同意调整后备力量', 'reserveRemoval.file': '调整后备力量备案',
  'reserve.remove': '调整出后备力量库', 'reserve.appoint': '后备力量任职（已使用）',
  'appointment.recommend': '推荐后备力量任职', 'appointment.objection': '登记任职公示期间反映的问题', 'appointment.handleObjection': '办理任职公示期间反映的问题',
  'appointment.byElection': '登记补选结果',
  ...Object.fromEntries(Object.entries(APPOINTMENT_ACTION_RULES).map(([action, rule]) => [`appointment.${action}`, `任用程序：${rule.label}`])),
  'demo.load': '载入演示数据',

  'assessment.create': '填写评定意见', 'assessment.update': '修改评定意见', 'assessment.grid': '调整九宫格位置', 'assessment.partyJoining': '记录入党培养',
  ...Object.fromEntries(Object.entries(SELECTION_SIDE_STEPS).map(([action, label]) => [`selection.${action}`, label])),
  ...Object.fromEntries((Object.keys(ACTION_RULES) as SelectionAction[]).map((action) => [`selection.${action}`, ACTION_RULES[action].label])),
};

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: '用户', orgUnit: '组织单位', dictionaryItem: '字典项', person: '人员', talentLedgerEntry: '人才台账', reserve: '后备力量', roster: '名册', committeeRoster: '“两委”名册',
  eligibilityPolicy: '资格条件', officialCalendarYear: '工作日历', selectionCandidate: '选拔人选', trainingSession: '培训', trainingRuleSet: '培训规则',
  mentoringAssignment: '帮带关系', mentorContact: '帮带记录', mentoringSummary: '季度帮带小结', annualTalk: '书记年度谈话', practiceRecord: '实践锻炼',
  observerAttendance: '列席会议', assessment: '评定', auditLog: '操作日志', loginLog: '登录日志',
  statisticsSnapshot: '统计快照', summaryTable: '汇总表', structureStatistics: '结构统计', analysisReport: '综合分析研判报告', campaign: '行动方案',
  campaignMilestone: '进度安排', appointmentForm: '干部任免审批表', villageElection: '村级换届', electionPlan: '换届工作方案',
  committeeMember: '“两委”成员', postVacancy: '空缺职务', secretaryReview: '书记述职评议', secretaryTraining: '书记培训', secretaryDiscipline: '书记处分',
  reserveRemoval: '后备力量调整', appointment: '任用事项', cultivation: '培养教育',
};

/** Chinese names of the fields audit events record in their before and after states. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: '姓名', displayName: '姓名', username: '用户名', gender: '性别', birthDate: '出生日期', ethnicity: '民族', idNumber: '身份证号码', idNumberMasked: '身份证号码',
  phone: '联系电话', phoneMasked: '联系电话', nativePlace: '籍贯', birthplace: '出生地', politicalStatus: '政治面貌', partyJoinDate: '入党时间', education: '学历', school: '毕业院校',
  major: '专业', health: '健康状况', occupation: '职业', specialties: '特长', workStartDate: '参加工作时间', position: '现任职务', isLivingAway: '在外能人', isAway: '在外能人',
  orgCode: '单位代码', sourceCategory: '来源类别', notes: '备注', surveyedOn: '摸排日期', status: '状态', targetPost: '拟任岗位', readiness: '成熟度',
  mentorName: '导师姓名', mentorPost: '导师职务', admittedOn: '入库日期', version: '版本', roles: '角色', role: '角色', department: '部门', isDisabled: '停用',
  stage: '环节', outcome: '结果', details: '详情', filter: '筛选条件', includeSensitive: '含完整号码', search: '搜索', total: '共计', created: '新增', updated: '更新',
  unchanged: '无变化', year: '年度', month: '月份', onDate: '计算日期', kind: '类别', from: '起始日期', to: '截止日期', action: '操作', actorName: '操作人',
  entityType: '对象类型', entityId: '对象编号', reason: '理由', comment: '意见', verdict: '结论', departments: '联审部门', sentOn: '送审日期',
  contactedOn: '联系日期', form: '方式', thoughts: '思想动态', work: '工作情况', problems: '存在问题', helpGiven: '帮助措施', startDate: '开始日期', endDate: '结束日期',
  days: '天数', method: '方式', organiser: '举办单位', content: '内容', place: '地点', label: '名称', code: '代码', sortOrder: '排序', isEnabled: '启用',
};

/** A field's Chinese name, or the field itself when this table does not know it. */
export function auditFieldLabel(field: string): string {
  return AUDIT_FIELD_LABELS[field] ?? field;
}

/** What a login attempt came to (login_event.outcome). */
export const LOGIN_OUTCOMES = ['success', 'wrongPassword', 'unknownUser', 'locked', 'disabled'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];
export const LOGIN_OUTCOME_LABELS: Record<LoginOutcome, string> = {
  success: '成功', wrongPassword: '密码错误', unknownUser: '用户不存在', locked: '账户已锁定', disabled: '账户已停用',
};

/** The action's Chinese name, or the code itself for an action this table does not know yet. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The action codes whose Chinese name contains the text typed (e.g. 导出 → roster.export). */
export function auditActionsNamed(text: string): string[] {
  const wanted = text.trim();
  if (!wanted) return [];
  return Object.entries(AUDIT_ACTION_LABELS).filter(([code, label]) => label.includes(wanted) || code === wanted).map(([code]) => code);
}
