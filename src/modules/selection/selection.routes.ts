import { z } from 'zod';
import { AppError } from '../../server/errors.ts';
import { errorResponses, ZOrgCode, ZUuid } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { computeNoticePeriod, listOfficialCalendar, putOfficialCalendarYear } from './calendar.service.ts';
import { getEffectivePolicy, listPolicyPresets, listPolicyVersions, previewPolicy, savePolicy } from './policy.service.ts';
import {
  ZAnswerJointReview, ZAttachmentQuery, ZBoard, ZCalendarYearList, ZCandidateDetail, ZCandidateList, ZCandidateListQuery, ZDecide, ZDecideException, ZEffectivePolicy, ZEndProcedure,
  ZEvaluationMeeting, ZEvaluationResult, ZFile, ZHandleObjection, ZInterview, ZJointReview, ZJointReviewList, ZJointReviewListQuery, ZNominate, ZNoticePeriod,
  ZNoticePeriodQuery, ZPolicyChange, ZPolicyDiff, ZPolicyPresetList, ZPolicyVersionList, ZPublicNotice, ZPutCalendarYear, ZQualificationReview, ZRecordObjection,
  ZRequestException, ZResolveConcern, ZSavedPolicy, ZSavePolicy, ZSendJointReview, ZShortlist, ZShortlistResult, ZStartNotice, ZVillageNeed,
} from './selection.schemas.ts';
import {
  answerJointReview, attachEvidence, decideAdmission, decideException, endProcedure, fileCandidate, getBoard, getCandidate, getPublicNotice, handleObjection, listCandidates,
  getEvidence, listJointReviewInbox, revealJointReviewCandidate, nominateCandidate, recordEvaluationMeeting, recordInterview, recordObjection, requestException, resolveConcern, reviewQualification,
  sendJointReview, setVillageNeed, shortlistCandidates, startPublicNotice,
} from './selection.service.ts';

const ZParams = z.strictObject({ id: ZUuid });
const ZOrgQuery = z.strictObject({ orgCode: ZOrgCode });
const candidate = { params: ZParams, response: { 200: ZCandidateDetail, ...errorResponses } };

/** Routes of selection: eligibility policy, official calendar, and the procedure from nomination to filing. */
export async function selectionRoutes(app: App, { database, cipher }: ModuleDeps): Promise<void> {
  const { db } = database;

  // ---- Eligibility policy ----
  let tags = ['资格条件'];
  app.get('/api/eligibility-policies/effective', {
    schema: { tags, summary: '某单位现行的资格条件（自有版本或沿用上级、系统默认）', querystring: ZOrgQuery, response: { 200: ZEffectivePolicy, ...errorResponses } },
  }, async (request) => getEffectivePolicy(db, request.ctx, request.query.orgCode));
  app.get('/api/eligibility-policies', {
    schema: { tags, summary: '某单位制定的资格条件各版本', querystring: ZOrgQuery, response: { 200: ZPolicyVersionList, ...errorResponses } },
  }, async (request) => listPolicyVersions(db, request.ctx, request.query.orgCode));
  app.get('/api/eligibility-policies/presets', {
    schema: { tags, summary: '预置的资格条件（三年行动方案默认、青神县）', response: { 200: ZPolicyPresetList, ...errorResponses } },
  }, async (request) => {
    request.ctx.access.requireAnywhere('selection.read', '查看资格条件');
    return listPolicyPresets();
  });
  app.post('/api/eligibility-policies/preview', {
    schema: { tags, summary: '预览修改资格条件的影响：谁由符合变为不符合、谁由不符合变为符合', body: ZPolicyChange, response: { 200: ZPolicyDiff, ...errorResponses } },
  }, async (request) => previewPolicy(db, request.ctx, request.body));
  app.post('/api/eligibility-policies', {
    schema: { tags, summary: '保存资格条件的新版本，并重新评估辖区内所有人员', body: ZSavePolicy, response: { 201: ZSavedPolicy, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await savePolicy(db, request.ctx, request.body)));

  // ---- Official calendar ----
  tags = ['工作日历'];
  app.get('/api/official-calendar/years', {
    schema: { tags, summary: '已知的法定节假日安排（系统内置和组织部录入的年份）', response: { 200: ZCalendarYearList, ...errorResponses } },
  }, async (request) => listOfficialCalendar(db, request.ctx));
  app.put('/api/official-calendar/years/:year', {
    schema: {
      tags, summary: '录入或修改某年的放假和调休安排', params: z.strictObject({ year: z.coerce.number().int().min(2000, '年份应在 2000 至 2100 之间').max(2100, '年份应在 2000 至 2100 之间') }),
      body: ZPutCalendarYear, response: { 200: ZCalendarYearList, ...errorResponses },
    },
  }, async (request) => putOfficialCalendarYear(db, request.ctx, request.params.year, request.body));
  app.get('/api/official-calendar/notice-period', {
    schema: { tags, summary: '按工作日计算公示期的结束日期', querystring: ZNoticePeriodQuery, response: { 200: ZNoticePeriod, ...errorResponses } },
  }, async (request) => computeNoticePeriod(db, request.ctx, request.query));

  // ---- The procedure ----
  tags = ['选拔'];
  app.get('/api/selection-board', {
    schema: { tags, summary: '选拔工作看板：按环节分列的人选、各村需求和因村选人提示（乡镇；村（社区）只看本村）', querystring: ZOrgQuery, response: { 200: ZBoard, ...errorResponses } },
  }, async (request) => getBoard(db, request.ctx, request.query.orgCode));
  app.put('/api/village-reserve-needs/:orgCode', {
    schema: {
      tags, summary: '设置村（社区）需要的后备力量类型（因村选人）', params: z.strictObject({ orgCode: ZOrgCode }), body: ZVillageNeed,
      response: { 200: z.object({ orgCode: z.string(), need: z.enum(['mature', 'youngPotential']), condition: z.string().nullable(), version: z.number().int() }), ...errorResponses },
    },
  }, async (request) => setVillageNeed(db, request.ctx, request.params.orgCode, request.body));
  app.get('/api/selection-candidates', {
    schema: { tags, summary: '选拔人选列表', querystring: ZCandidateListQuery, response: { 200: ZCandidateList, ...errorResponses } },
  }, async (request) => listCandidates(db, request.ctx, request.query));
  app.post('/api/selection-candidates', {
    schema: { tags, summary: '推荐人选（三推：组织推荐、党员群众推荐、个人自荐）', body: ZNominate, response: { 201: ZCandidateDetail, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await nominateCandidate(db, request.ctx, request.body)));
  app.get('/api/selection-candidates/:id', {
    schema: { tags, summary: '人选详情：资格审查说明、全部步骤、当前可办理的步骤', ...candidate },
  }, async (request) => getCandidate(db, request.ctx, request.params.id));
  app.post('/api/selection-candidates/:id/attachments', {
    schema: {
      tags, summary: '上传佐证材料：请求体为文件本身（PDF、JPEG、PNG 或 .docx，不超过 10 MB），文件名和所属步骤在查询参数中',
      params: ZParams, querystring: ZAttachmentQuery, response: { 200: ZCandidateDetail, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
    },
  }, async (request) => {
    const contentType = request.headers['content-type']?.split(';')[0]?.trim() ?? '';
    if (!(request.body instanceof Buffer)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以文件本身作为请求体上传（PDF、JPEG、PNG 或 .docx）');
    return attachEvidence(db, request.ctx, request.params.id, { fileName: request.query.fileName, step: request.query.step, contentType, data: request.body });
  });
  app.get('/api/selection-candidates/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载佐证材料', params: z.strictObject({ id: ZUuid, attachmentId: ZUuid }), response: { 200: z.any().describe('文件'), ...errorResponses } },
  }, async (request, reply) => {
    const attachment = await getEvidence(db, request.ctx, request.params.id, request.params.attachmentId);
    return reply
      .type(attachment.content_type)
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.file_name)}`)
      .header('Cache-Control', 'private, no-store')
      .send(attachment.data);
  });
  app.post('/api/selection-candidates/:id/qualification-review', {
    schema: { tags, summary: '资格审查（系统按资格条件逐条审查，乡镇党委核实负面清单后确认）', body: ZQualificationReview, ...candidate },
  }, async (request) => reviewQualification(db, request.ctx, request.params.id, request.body));
  app.post('/api/selection-candidates/:id/exceptions', {
    schema: { tags, summary: '申请破格（特别优秀的可适当放宽），须经乡镇党委批准', body: ZRequestException, ...candidate },
  }, async (request) => requestException(db, request.ctx, request.params.id, request.body));
  app.post('/api/eligibility-exceptions/:id/decision', {
    schema: { tags, summary: '乡镇党委审批破格申请', params: ZParams, body: ZDecideException, response: { 200: ZCandidateDetail, ...errorResponses } },
  }, async (request) => decideException(db, request.ctx, request.params.id, request.body));
  app.post('/api/evaluation-meetings', {
    schema: { tags, summary: '民主测评会：参会情况和每名人选的测评票数，计算好评率', body: ZEvaluationMeeting, response: { 200: ZEvaluationResult, ...errorResponses } },
  }, async (request) => recordEvaluationMeeting(db, request.ctx, request.body));
  app.post('/api/selection-candidates/:id/interview', {
    schema: { tags, summary: '谈话考察记录', body: ZInterview, ...candidate },
  }, async (request) => recordInterview(db, request.ctx, request.params.id, request.body));
  app.post('/api/shortlists', {
    schema: { tags, summary: '乡镇党委专题会议确定建议名单（每村至少 2 人，不足时提示）', body: ZShortlist, response: { 200: ZShortlistResult, ...errorResponses } },
  }, async (request) => shortlistCandidates(db, request.ctx, request.body));
  app.post('/api/selection-candidates/:id/joint-reviews', {
    schema: { tags, summary: '送联审部门审查', body: ZSendJointReview, ...candidate },
  }, async (request) => sendJointReview(db, request.ctx, request.params.id, request.body));
  app.post('/api/public-notices', {
    schema: { tags, summary: '公示：按工作日计算公示期并生成公示文本', body: ZStartNotice, response: { 201: ZPublicNotice, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await startPublicNotice(db, request.ctx, request.body)));
  app.get('/api/public-notices/:id', {
    schema: { tags, summary: '公示详情、公示文本和异议', params: ZParams, response: { 200: ZPublicNotice, ...errorResponses } },
  }, async (request) => getPublicNotice(db, request.ctx, request.params.id));
  app.post('/api/public-notices/:id/objections', {
    schema: { tags, summary: '登记公示期间收到的异议', params: ZParams, body: ZRecordObjection, response: { 200: ZPublicNotice, ...errorResponses } },
  }, async (request) => recordObjection(db, request.ctx, request.params.id, request.body));
  app.post('/api/notice-objections/:id/handling', {
    schema: { tags, summary: '记录异议的核实处理结果', params: ZParams, body: ZHandleObjection, response: { 200: ZPublicNotice, ...errorResponses } },
  }, async (request) => handleObjection(db, request.ctx, request.params.id, request.body));
  app.post('/api/selection-candidates/:id/decision', {
    schema: { tags, summary: '乡镇党委研究决定入库（公示期满且异议办结后）', body: ZDecide, ...candidate },
  }, async (request) => decideAdmission(db, request.ctx, request.params.id, request.body));
  app.post('/api/selection-candidates/:id/filing', {
    schema: { tags, summary: '报县（市）委组织部备案', body: ZFile, ...candidate },
  }, async (request) => fileCandidate(db, request.ctx, request.params.id, request.body));
  app.post('/api/selection-candidates/:id/rejection', {
    schema: { tags, summary: '不予通过（任一环节，须写明原因）', body: ZEndProcedure, ...candidate },
  }, async (request) => endProcedure(db, request.ctx, request.params.id, 'reject', request.body));
  app.post('/api/selection-candidates/:id/withdrawal', {
    schema: { tags, summary: '本人退出', body: ZEndProcedure, ...candidate },
  }, async (request) => endProcedure(db, request.ctx, request.params.id, 'withdraw', request.body));

  // ---- Joint review inbox ----
  tags = ['联审'];
  app.get('/api/joint-reviews', {
    schema: { tags, summary: '联审待办：只列出送本部门审查的人选', querystring: ZJointReviewListQuery, response: { 200: ZJointReviewList, ...errorResponses } },
  }, async (request) => listJointReviewInbox(db, request.ctx, request.query));
  app.post('/api/joint-reviews/:id/answer', {
    schema: { tags, summary: '联审部门回复：通过或有问题', params: ZParams, body: ZAnswerJointReview, response: { 200: ZJointReview, ...errorResponses } },
  }, async (request) => answerJointReview(db, request.ctx, request.params.id, request.body));
  app.post('/api/joint-reviews/:id/reveal', {
    schema: { tags, summary: '联审部门查看送审人选的完整身份证号码（核查记录用，记入操作日志）', params: ZParams, response: { 200: z.object({ idNumber: z.string() }), ...errorResponses } },
  }, async (request) => revealJointReviewCandidate(db, request.ctx, cipher, request.params.id));
  app.post('/api/joint-reviews/:id/resolution', {
    schema: { tags, summary: '乡镇党委核实处理联审提出的问题', params: ZParams, body: ZResolveConcern, response: { 200: ZCandidateDetail, ...errorResponses } },
  }, async (request) => resolveConcern(db, request.ctx, request.params.id, request.body));
}
