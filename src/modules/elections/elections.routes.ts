import { z } from 'zod';
import { errorResponses, ZDate, ZUuid, ZVersion } from '../../server/schemas.ts';
import type { App, ModuleDeps } from '../../server/types.ts';
import { addCitizenReporter, addRiskPoint, handleViolation, reportViolation } from './election-discipline.ts';
import { approvePartyCandidates, nominateCandidate, recordPledge, reviewCandidate, signOffCandidate } from './election-candidates.ts';
import { getCompositionReport } from './election-composition.ts';
import { handleObjection, recordObjection } from './election-objections.ts';
import { approveSeats, createElectionPlan, editVillagePlan, getElectionBoard, getElectionPlan, listElectionPlans, setSeats } from './election-plan.ts';
import { approveResult, fileResult, recordHandover, startResultNotice } from './election-result.ts';
import { DOCX_TYPE, exportResultNotice } from './result-notice-document.ts';
import { attachmentDisposition, sendTableExport } from '../../server/xlsx-table.ts';
import { exportElectionSummary } from './election-summary-table.ts';
import {
  ZBoard, ZCitizenReporter, ZCompositionReport, ZCreatePlan, ZElectionCommittee, ZHandover, ZNominate, ZNoticeDocumentQuery, ZSummaryTableQuery, ZObjection, ZObjectionHandling, ZPlan, ZPlans, ZPledge,
  ZPosts, ZProxyVote, ZQualify, ZReduceSeats, ZRiskPoint, ZSeats, ZSignOff, ZTermQuery, ZVillageElection, ZVillagePlan, ZViolationHandling, ZViolationReport, ZVote, ZVoterRegister,
} from './elections.schemas.ts';
import { assignPosts, recordVote, reduceSeats } from './record-vote.ts';
import { getVillageElection } from './village-election.ts';
import { addProxyVote, saveElectionCommittee, saveVoterRegister } from './voter-register.ts';

const tags = ['村级换届'];
const ZIdParams = z.strictObject({ id: ZUuid });
const election = { 200: ZVillageElection, ...errorResponses };

export async function electionsRoutes(app: App, { database }: ModuleDeps): Promise<void> {
  const { db } = database;

  app.get('/api/election-board', {
    schema: { tags, summary: '换届进度：各乡镇的村（社区）所处阶段', querystring: z.strictObject({ termYear: ZTermQuery.shape.termYear }), response: { 200: ZBoard, ...errorResponses } },
  }, async (request) => getElectionBoard(db, request.ctx, request.query));

  app.get('/api/election-composition', {
    schema: { tags, summary: '换届前后“两委”班子结构：按村、乡镇和全县汇总', querystring: ZTermQuery, response: { 200: ZCompositionReport, ...errorResponses } },
  }, async (request) => getCompositionReport(db, request.ctx, request.query));

  app.get('/api/election-summary-table', {
    schema: {
      tags, summary: '县（乡镇）村级换届情况汇总表（Excel）：各村阶段、职数、当选、“一肩挑”、女性、35 岁及以下、书记年龄学历、使用后备力量，含乡镇小计和合计',
      querystring: ZSummaryTableQuery, response: { 200: z.any().describe('汇总表文件（xlsx）'), ...errorResponses },
    },
  }, async (request, reply) => sendTableExport(reply, await exportElectionSummary(db, request.ctx, request.query), request.log, 'election-summary.xlsx'));

  app.get('/api/election-plans', {
    schema: { tags, summary: '乡镇换届工作方案', response: { 200: ZPlans, ...errorResponses } },
  }, async (request) => listElectionPlans(db, request.ctx));

  app.post('/api/election-plans', {
    schema: { tags, summary: '乡镇党委制定换届工作方案（为每个村、社区建立换届事项）', body: ZCreatePlan, response: { 201: ZPlan, ...errorResponses } },
  }, async (request, reply) => reply.code(201).send(await createElectionPlan(db, request.ctx, request.body)));

  app.get('/api/election-plans/:id', {
    schema: { tags, summary: '乡镇换届看板：各村所处阶段、书记候选人年龄结构', params: ZIdParams, response: { 200: ZPlan, ...errorResponses } },
  }, async (request) => getElectionPlan(db, request.ctx, request.params.id));

  app.get('/api/village-elections/:id', {
    schema: { tags, summary: '村级换届：职数、候选人、选举、纪律、结果', params: ZIdParams, response: election },
  }, async (request) => getVillageElection(db, request.ctx, request.params.id));

  app.put('/api/village-elections/:id/plan', {
    schema: { tags, summary: '村级换届工作安排：指导员、责任清单、书记产生方式', params: ZIdParams, body: ZVillagePlan, response: election },
  }, async (request) => editVillagePlan(db, request.ctx, request.params.id, request.body));

  app.put('/api/village-elections/:id/seats', {
    schema: { tags, summary: '乡镇党委设定职数（超出标准的报县委组织部审批）', params: ZIdParams, body: ZSeats, response: election },
  }, async (request) => setSeats(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/seat-approval', {
    schema: { tags, summary: '县委组织部审批超出标准的职数', params: ZIdParams, body: z.strictObject({ approvedOn: ZDate, version: ZVersion }), response: election },
  }, async (request) => approveSeats(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/candidates', {
    schema: { tags, summary: '提出候选人初步人选（含推荐票数）', params: ZIdParams, body: ZNominate, response: election },
  }, async (request) => nominateCandidate(db, request.ctx, request.params.id, request.body));

  app.post('/api/election-candidates/:id/qualification', {
    schema: { tags, summary: '考察和资格审查（资格条件引擎）', params: ZIdParams, body: ZQualify, response: election },
  }, async (request) => reviewCandidate(db, request.ctx, request.params.id, request.body));

  app.post('/api/election-candidates/:id/sign-offs', {
    schema: { tags, summary: '书记候选人“双签”：组织部长、县委书记分别签字', params: ZIdParams, body: ZSignOff, response: election },
  }, async (request) => signOffCandidate(db, request.ctx, request.params.id, request.body));

  app.put('/api/election-candidates/:id/pledge', {
    schema: { tags, summary: '选前谈话和换届纪律承诺书', params: ZIdParams, body: ZPledge, response: election },
  }, async (request) => recordPledge(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/candidate-approval', {
    schema: { tags, summary: '乡镇党委批准村党组织委员会正式候选人（差额检查）', params: ZIdParams, body: z.strictObject({ approvedOn: ZDate, version: ZVersion }), response: election },
  }, async (request) => approvePartyCandidates(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/votes', {
    schema: { tags, summary: '登记选举结果（党员大会、村民选举日）：计票、有效性和当选', params: ZIdParams, body: ZVote, response: election },
  }, async (request) => recordVote(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/seat-reduction', {
    schema: { tags, summary: '经批准减少职数（未选足名额时）', params: ZIdParams, body: ZReduceSeats, response: election },
  }, async (request) => reduceSeats(db, request.ctx, request.params.id, request.body));

  app.put('/api/village-elections/:id/posts', {
    schema: { tags, summary: '确定书记、副书记（主任、副主任）', params: ZIdParams, body: ZPosts, response: election },
  }, async (request) => assignPosts(db, request.ctx, request.params.id, request.body));

  app.put('/api/village-elections/:id/voter-register', {
    schema: { tags, summary: '公布选民名单（选举日 20 日以前）', params: ZIdParams, body: ZVoterRegister, response: election },
  }, async (request) => saveVoterRegister(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/proxy-votes', {
    schema: { tags, summary: '登记委托投票：外出选民书面委托本村有选举权的近亲属代为投票（每人接受委托不超过 3 人）', params: ZIdParams, body: ZProxyVote, response: election },
  }, async (request) => addProxyVote(db, request.ctx, request.params.id, request.body));

  app.put('/api/village-elections/:id/election-committee', {
    schema: { tags, summary: '村民选举委员会成员', params: ZIdParams, body: ZElectionCommittee, response: election },
  }, async (request) => saveElectionCommittee(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/objections', {
    schema: { tags, summary: '登记对选民名单或选举结果的异议', params: ZIdParams, body: ZObjection, response: election },
  }, async (request) => recordObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/election-objections/:id/handling', {
    schema: { tags, summary: '处理异议', params: ZIdParams, body: ZObjectionHandling, response: election },
  }, async (request) => handleObjection(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/risk-points', {
    schema: { tags, summary: '登记风险点', params: ZIdParams, body: ZRiskPoint, response: election },
  }, async (request) => addRiskPoint(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/citizen-reporters', {
    schema: { tags, summary: '登记民情直报员（每个村民小组至少 1 名）', params: ZIdParams, body: ZCitizenReporter, response: election },
  }, async (request) => addCitizenReporter(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/violation-reports', {
    schema: { tags, summary: '登记违反换届纪律的举报', params: ZIdParams, body: ZViolationReport, response: election },
  }, async (request) => reportViolation(db, request.ctx, request.params.id, request.body));

  app.post('/api/election-violation-reports/:id/handling', {
    schema: { tags, summary: '核查举报（属实的取消候选人资格）', params: ZIdParams, body: ZViolationHandling, response: election },
  }, async (request) => handleViolation(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/result-notice', {
    schema: { tags, summary: '发布选举结果公示（不少于 5 个工作日）', params: ZIdParams, body: z.strictObject({ startsOn: ZDate, version: ZVersion }), response: election },
  }, async (request) => startResultNotice(db, request.ctx, request.params.id, request.body));

  app.get('/api/village-elections/:id/result-notice-document', {
    schema: {
      tags, summary: '打印选举结果公示（Word）：当选人员及职务、按工作日计算的公示期、异议受理单位', params: ZIdParams, querystring: ZNoticeDocumentQuery,
      response: { 200: z.any().describe('公示文件（docx）'), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await exportResultNotice(db, request.ctx, request.params.id, request.query.contact ?? null);
    return reply.type(DOCX_TYPE).header('Content-Disposition', attachmentDisposition(file.fileName, 'result-notice.docx')).send(file.data);
  });

  app.post('/api/village-elections/:id/result-approval', {
    schema: { tags, summary: '乡镇党委审批选举结果并任命', params: ZIdParams, body: z.strictObject({ approvedOn: ZDate, version: ZVersion }), response: election },
  }, async (request) => approveResult(db, request.ctx, request.params.id, request.body));

  app.post('/api/village-elections/:id/filing', {
    schema: { tags, summary: '县委组织部备案：新一届“两委”进入名册，后备力量改为已选用', params: ZIdParams, body: z.strictObject({ filedOn: ZDate, version: ZVersion }), response: election },
  }, async (request) => fileResult(db, request.ctx, request.params.id, request.body));

  app.put('/api/village-elections/:id/handover', {
    schema: { tags, summary: '落选离职谈话和新老班子交接', params: ZIdParams, body: ZHandover, response: election },
  }, async (request) => recordHandover(db, request.ctx, request.params.id, request.body));
}
