import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errorResponses, ZError, ZOrgCode, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import * as schemas from './cultivation.schemas.ts';
import * as mentoring from './mentoring.service.ts';
import * as records from './records.service.ts';
import { listMyReminders, listUnitReminders } from './reminders.service.ts';
import { getTalentGrid, rateTalent } from './talent-grid.service.ts';
import * as training from './training.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZParams = z.strictObject({ id: ZUuid });
const ZReserveParams = z.strictObject({ reserveId: ZUuid });
const ZDeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).describe('记录版本号；不一致时返回 409') });
const ZNoContent = z.null();

/** Routes of cultivation: training, mentoring, practice, assessment, reminders, talent grid. */
export async function cultivationRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  // ----- training -----
  const trainingTags = ['培养教育：培训'];
  app.get('/api/training-sessions', {
    schema: { tags: trainingTags, summary: '培训列表：本单位及下辖单位举办的培训，以及上级举办的培训', querystring: schemas.ZTrainingSessionListQuery, response: { 200: schemas.ZTrainingSessionList, ...errorResponses } },
  }, async (request) => training.listTrainingSessions(db, request.ctx, request.query));

  app.post('/api/training-sessions', {
    schema: { tags: trainingTags, summary: '登记培训（县、乡镇或村举办）', body: schemas.ZTrainingSessionInput, response: { 201: schemas.ZTrainingSession, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await training.createTrainingSession(db, request.ctx, { ...request.body, content: request.body.content ?? null, place: request.body.place ?? null })));

  app.get('/api/training-sessions/:id', {
    schema: { tags: trainingTags, summary: '培训详情及参训名单（只含您管理范围内的人员）', params: ZParams, response: { 200: schemas.ZTrainingSessionDetail, ...errorResponses } },
  }, async (request) => training.getTrainingSession(db, request.ctx, request.params.id));

  app.patch('/api/training-sessions/:id', {
    schema: { tags: trainingTags, summary: '修改培训', params: ZParams, body: schemas.ZUpdateTrainingSession, response: { 200: schemas.ZTrainingSession, ...errorResponses } },
  }, async (request) => training.updateTrainingSession(db, request.ctx, request.params.id, request.body));

  app.delete('/api/training-sessions/:id', {
    schema: { tags: trainingTags, summary: '删除培训及其参训记录', params: ZParams, querystring: ZDeleteQuery, response: { 204: ZNoContent, ...errorResponses } },
  }, async (request, reply) => {
    await training.deleteTrainingSession(db, request.ctx, request.params.id, request.query.version);
    return reply.code(204).send(null);
  });

  app.put('/api/training-sessions/:id/attendance', {
    schema: { tags: trainingTags, summary: '按名单登记参训情况（已登记的人员更新）；全部正确才保存', params: ZParams, body: schemas.ZAttendanceInput, response: { 200: schemas.ZTrainingSessionDetail, ...errorResponses } },
  }, async (request) => training.recordAttendance(db, request.ctx, request.params.id, request.body.entries));

  app.post('/api/training-sessions/:id/attendance/import', {
    schema: {
      tags: trainingTags,
      summary: '导入签到表：请求体为 .xlsx 文件本身；表头含「姓名」，可含「身份证号码」「参训天数」「是否参训」「培训结果」；全部正确才导入',
      params: ZParams,
      response: { 200: schemas.ZAttendanceImportResult, ...errorResponses, 413: ZError, 415: ZError },
    },
  }, async (request) => {
    if (!(request.body instanceof Buffer) || request.body.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `请上传 .xlsx 签到表本身作为请求体（Content-Type: ${XLSX}）`);
    return training.importAttendance(db, request.ctx, cipher, request.params.id, request.body);
  });

  app.get('/api/training-rules', {
    schema: { tags: trainingTags, summary: '某单位适用的培训规则（本级或上级设置，否则为默认）', querystring: z.strictObject({ orgCode: ZOrgCode }), response: { 200: schemas.ZTrainingRules, ...errorResponses } },
  }, async (request) => training.getTrainingRules(db, request.ctx, request.query.orgCode));

  app.put('/api/training-rules', {
    schema: { tags: trainingTags, summary: '设置本辖区的培训规则（组织部）', body: schemas.ZTrainingRulesInput, response: { 200: schemas.ZTrainingRules, ...errorResponses } },
  }, async (request) => training.saveTrainingRules(db, request.ctx, request.body));

  // ----- mentoring -----
  const mentoringTags = ['培养教育：结对帮带'];
  app.get('/api/mentoring-assignments', {
    schema: { tags: mentoringTags, summary: '帮带关系列表（导师只看到自己的帮带对象）', querystring: schemas.ZMentoringAssignmentListQuery, response: { 200: schemas.ZMentoringAssignmentList, ...errorResponses } },
  }, async (request) => mentoring.listAssignments(db, request.ctx, request.query));

  app.post('/api/mentoring-assignments', {
    schema: { tags: mentoringTags, summary: '为后备力量指定帮带导师（乡镇、县）', body: schemas.ZMentoringAssignmentInput, response: { 201: schemas.ZMentoringAssignment, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await mentoring.createAssignment(db, request.ctx, request.body)));

  app.patch('/api/mentoring-assignments/:id', {
    schema: { tags: mentoringTags, summary: '修改或结束帮带关系', params: ZParams, body: schemas.ZUpdateMentoringAssignment, response: { 200: schemas.ZMentoringAssignment, ...errorResponses } },
  }, async (request) => mentoring.updateAssignment(db, request.ctx, request.params.id, request.body));

  app.get('/api/mentors/suggestions', {
    schema: { tags: mentoringTags, summary: '推荐导师：本村、本乡镇、本县的帮带导师，帮带人数少的在前', querystring: schemas.ZMentorSuggestionQuery, response: { 200: schemas.ZMentorSuggestionList, ...errorResponses } },
  }, async (request) => mentoring.suggestMentors(db, request.ctx, request.query.reserveId));

  app.get('/api/mentor-contacts', {
    schema: { tags: mentoringTags, summary: '帮带记录（每月联系）列表', querystring: schemas.ZMentorContactListQuery, response: { 200: schemas.ZMentorContactList, ...errorResponses } },
  }, async (request) => mentoring.listContacts(db, request.ctx, request.query));

  app.post('/api/mentor-contacts', {
    schema: { tags: mentoringTags, summary: '填写帮带记录（导师本人，或村、乡镇代为录入）', body: schemas.ZMentorContactInput, response: { 201: schemas.ZMentorContact, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await mentoring.createContact(db, request.ctx, request.body)));

  app.get('/api/mentor-contacts/:id', {
    schema: { tags: mentoringTags, summary: '一条帮带记录', params: ZParams, response: { 200: schemas.ZMentorContact, ...errorResponses } },
  }, async (request) => mentoring.getContact(db, request.ctx, request.params.id));

  app.patch('/api/mentor-contacts/:id', {
    schema: { tags: mentoringTags, summary: '修改帮带记录', params: ZParams, body: schemas.ZUpdateMentorContact, response: { 200: schemas.ZMentorContact, ...errorResponses } },
  }, async (request) => mentoring.updateContact(db, request.ctx, request.params.id, request.body));

  app.delete('/api/mentor-contacts/:id', {
    schema: { tags: mentoringTags, summary: '删除帮带记录', params: ZParams, querystring: ZDeleteQuery, response: { 204: ZNoContent, ...errorResponses } },
  }, async (request, reply) => {
    await mentoring.deleteContact(db, request.ctx, request.params.id, request.query.version);
    return reply.code(204).send(null);
  });

  app.get('/api/mentoring-summaries', {
    schema: { tags: mentoringTags, summary: '季度帮带小结（纪实表「结对帮扶情况」各季度）', querystring: schemas.ZMentoringSummaryListQuery, response: { 200: schemas.ZMentoringSummaryList, ...errorResponses } },
  }, async (request) => mentoring.listSummaries(db, request.ctx, request.query));

  app.post('/api/mentoring-summaries', {
    schema: { tags: mentoringTags, summary: '填写季度帮带小结和评定意见', body: schemas.ZMentoringSummaryInput, response: { 201: schemas.ZMentoringSummary, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await mentoring.createSummary(db, request.ctx, request.body)));

  app.patch('/api/mentoring-summaries/:id', {
    schema: { tags: mentoringTags, summary: '修改季度帮带小结', params: ZParams, body: schemas.ZUpdateMentoringSummary, response: { 200: schemas.ZMentoringSummary, ...errorResponses } },
  }, async (request) => mentoring.updateSummary(db, request.ctx, request.params.id, request.body));

  app.get('/api/annual-talks', {
    schema: { tags: mentoringTags, summary: '乡镇党委书记年度谈心谈话记录', querystring: schemas.ZAnnualTalkListQuery, response: { 200: schemas.ZAnnualTalkList, ...errorResponses } },
  }, async (request) => mentoring.listTalks(db, request.ctx, request.query));

  app.post('/api/annual-talks', {
    schema: { tags: mentoringTags, summary: '记录乡镇党委书记与后备力量的谈心谈话（乡镇）', body: schemas.ZAnnualTalkInput, response: { 201: schemas.ZAnnualTalk, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await mentoring.createTalk(db, request.ctx, request.body)));

  // ----- practice -----
  const practiceTags = ['培养教育：实践锻炼'];
  app.get('/api/practice-records', {
    schema: { tags: practiceTags, summary: '实践锻炼（岗位锻炼、专项任务）列表', querystring: schemas.ZPracticeRecordListQuery, response: { 200: schemas.ZPracticeRecordList, ...errorResponses } },
  }, async (request) => records.listPractice(db, request.ctx, request.query));

  app.post('/api/practice-records', {
    schema: { tags: practiceTags, summary: '登记实践锻炼', body: schemas.ZPracticeRecordInput, response: { 201: schemas.ZPracticeRecord, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await records.createPractice(db, request.ctx, request.body)));

  app.patch('/api/practice-records/:id', {
    schema: { tags: practiceTags, summary: '修改实践锻炼（表现、评定意见等）', params: ZParams, body: schemas.ZUpdatePracticeRecord, response: { 200: schemas.ZPracticeRecord, ...errorResponses } },
  }, async (request) => records.updatePractice(db, request.ctx, request.params.id, request.body));

  app.delete('/api/practice-records/:id', {
    schema: { tags: practiceTags, summary: '删除实践锻炼记录', params: ZParams, querystring: ZDeleteQuery, response: { 204: ZNoContent, ...errorResponses } },
  }, async (request, reply) => {
    await records.deletePractice(db, request.ctx, request.params.id, request.query.version);
    return reply.code(204).send(null);
  });

  app.get('/api/observer-attendances', {
    schema: { tags: practiceTags, summary: '列席会议记录', querystring: schemas.ZObserverAttendanceListQuery, response: { 200: schemas.ZObserverAttendanceList, ...errorResponses } },
  }, async (request) => records.listObservers(db, request.ctx, request.query));

  app.post('/api/observer-attendances', {
    schema: { tags: practiceTags, summary: '登记列席会议（两委会、党员大会、村民代表会议、乡镇村干部大会）', body: schemas.ZObserverAttendanceInput, response: { 201: schemas.ZObserverAttendance, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await records.createObserver(db, request.ctx, request.body)));

  app.delete('/api/observer-attendances/:id', {
    schema: { tags: practiceTags, summary: '删除列席记录', params: ZParams, querystring: ZDeleteQuery, response: { 204: ZNoContent, ...errorResponses } },
  }, async (request, reply) => {
    await records.deleteObserver(db, request.ctx, request.params.id, request.query.version);
    return reply.code(204).send(null);
  });

  // ----- assessment -----
  const assessmentTags = ['培养教育：考核'];
  app.get('/api/assessments', {
    schema: { tags: assessmentTags, summary: '考核记录：村、乡镇季度评定意见，年度考核结果，换届前再评估', querystring: schemas.ZAssessmentListQuery, response: { 200: schemas.ZAssessmentList, ...errorResponses } },
  }, async (request) => records.listAssessments(db, request.ctx, request.query));

  app.post('/api/assessments', {
    schema: { tags: assessmentTags, summary: '填写考核（村季度意见：村、乡镇、县；乡镇季度意见、年度考核、再评估：乡镇、县）', body: schemas.ZAssessmentInput, response: { 201: schemas.ZAssessment, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await records.createAssessment(db, request.ctx, request.body)));

  app.patch('/api/assessments/:id', {
    schema: { tags: assessmentTags, summary: '修改考核记录', params: ZParams, body: schemas.ZUpdateAssessment, response: { 200: schemas.ZAssessment, ...errorResponses } },
  }, async (request) => records.updateAssessment(db, request.ctx, request.params.id, request.body));

  app.get('/api/reserves/:reserveId/party-joining', {
    schema: { tags: assessmentTags, summary: '入党培养进程（入党积极分子 → 发展对象 → 预备党员 → 正式党员）', params: ZReserveParams, response: { 200: schemas.ZPartyJoining, ...errorResponses } },
  }, async (request) => records.getPartyJoining(db, request.ctx, request.params.reserveId));

  app.put('/api/reserves/:reserveId/party-joining', {
    schema: { tags: assessmentTags, summary: '保存入党培养进程（整体替换）', params: ZReserveParams, body: schemas.ZPartyJoiningInput, response: { 200: schemas.ZPartyJoining, ...errorResponses } },
  }, async (request) => records.savePartyJoining(db, request.ctx, request.params.reserveId, request.body));

  app.get('/api/reserves/:reserveId/cultivation', {
    schema: { tags: ['培养教育'], summary: '一名后备力量一年的培养教育全貌（培训及达标情况、帮带、实践、考核）', params: ZReserveParams, querystring: schemas.ZReserveCultivationQuery, response: { 200: schemas.ZReserveCultivation, ...errorResponses } },
  }, async (request) => records.getReserveCultivation(db, request.ctx, request.params.reserveId, request.query.year));

  // ----- reminders and talent grid -----
  app.get('/api/reminders', {
    schema: { tags: ['培养教育：提醒'], summary: '单位的待办和逾期提醒（帮带记录、季度意见、培训天数、集中培训、书记谈话、未落实导师）', querystring: schemas.ZReminderQuery, response: { 200: schemas.ZReminderList, ...errorResponses } },
  }, async (request) => listUnitReminders(db, request.ctx, request.query));

  app.get('/api/reminders/mine', {
    schema: { tags: ['培养教育：提醒'], summary: '我的待办提醒（首页）', querystring: schemas.ZMyReminderQuery, response: { 200: schemas.ZReminderList, ...errorResponses } },
  }, async (request) => listMyReminders(db, request.ctx, request.query));

  app.get('/api/talent-grid', {
    schema: { tags: ['培养教育：潜力评定'], summary: '业绩 × 潜力九宫格及成熟度（乡镇或县）', querystring: schemas.ZTalentGridQuery, response: { 200: schemas.ZTalentGrid, ...errorResponses } },
  }, async (request) => getTalentGrid(db, request.ctx, request.query));

  app.put('/api/talent-grid/:reserveId', {
    schema: { tags: ['培养教育：潜力评定'], summary: '乡镇调整某人的九宫格位置和成熟度（须填写理由）', params: ZReserveParams, body: schemas.ZTalentGridInput, response: { 200: schemas.ZTalentGridEntry, ...errorResponses } },
  }, async (request) => rateTalent(db, request.ctx, request.params.reserveId, request.body));
}
