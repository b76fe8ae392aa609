import type { Db } from '../../db/database.ts';
import {
  analysisHeadings, analysisPeriod, defaultAnalysisTitle, describeChange, describeShare, villagesNeedingAttention, type AnalysisSection,
} from '../../domain/analysis-report.ts';
import { MILESTONE_STATUS_LABELS } from '../../domain/campaign.ts';
import { postLabel } from '../../domain/committee.ts';
import { COVERAGE_RULE_LABELS, COVERAGE_RULES, youngBornAfter } from '../../domain/coverage.ts';
import { subtreePrefix } from '../../domain/org-code.ts';
import { FIGURE_KEYS, FIGURES, halfYearLabel, type Figures } from '../../domain/statistics.ts';
import type { Context } from '../../server/access.ts';
import { AppError } from '../../server/errors.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { getCurrentCampaign } from '../campaigns/campaign.service.ts';
import { computeStructure, requireUnit } from '../dashboard/dashboard.service.ts';
import { readSnapshotOnOrBefore } from '../dashboard/snapshots.ts';
import { computeUnitStatistics, YOUNG_MEMBER_MAXIMUM_AGE } from '../dashboard/unit-statistics.ts';
import { loadEnabledItems } from '../dictionaries/dictionaries.service.ts';
import { CONTENT_TYPES } from '../record-form/record-form.service.ts';
import { convertDocxToPdf } from '../record-form/record-form.pdf.ts';
import { APPOINTMENT_LIST_LIMIT, analysisReportRepository } from './analysis-report.repository.ts';
import { buildAnalysisReportDocx, type ReportBlock, type ReportDocument } from './analysis-report.docx.ts';
import { renderBarChartPng, type BarChartInput } from './chart-images.ts';

/**
 * The semiannual analysis report (综合分析研判报告) of a county or township: the figures against the
 * half year's baseline (the snapshot on or before its first day), the structure charts as images,
 * coverage and its shortfalls, training and mentoring, removals and replenishment, appointments,
 * the campaign's progress and the villages needing attention; as .docx, or PDF through LibreOffice.
 * The figures are those of the day it is generated; the half year bounds the events it counts.
 * It names the people appointed (no ID number or phone), so each generation is audited.
 */

export interface AnalysisReportRequest {
  year: number;
  half: 1 | 2;
  format: 'docx' | 'pdf';
  title?: string | undefined;
  headings?: Partial<Record<AnalysisSection, string>> | undefined;
}

export interface AnalysisReportFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  return unit === '%' ? `${value}%` : `${value}${unit === '个村' ? ' 个' : ` ${unit}`}`;
}

type Statistics = Awaited<ReturnType<typeof computeUnitStatistics>>;
type Structure = Awaited<ReturnType<typeof computeStructure>>;
type CampaignView = NonNullable<Awaited<ReturnType<typeof getCurrentCampaign>>>;

function overviewBlocks(unitName: string, figures: Figures, baseline: { takenOn: string; figures: Partial<Figures> } | null): ReportBlock[] {
  const text = `截至统计日，${unitName}共有在库后备力量 ${figures.reserves ?? 0} 名，覆盖村（社区）${figures.villages ?? 0} 个；`
    + `在任村党组织书记 ${figures.secretaries ?? 0} 名，平均年龄 ${formatValue(figures.secretaryAverageAge, '岁')}，大专及以上学历占 ${formatValue(figures.secretaryCollegeShare, '%')}。`
    + `后备力量${describeChange(baseline ? (baseline.figures.reserves ?? null) : undefined, figures.reserves, '人')}。`;
  return [
    { kind: 'paragraph', text },
    {
      kind: 'table',
      headers: ['指标', baseline ? `半年初（${baseline.takenOn}）` : '半年初', '统计日', '变化'],
      rows: FIGURE_KEYS.map((key) => {
        const { label, unit } = FIGURES[key];
        const before = baseline ? (baseline.figures[key] ?? null) : undefined;
        return [label, formatValue(before, unit), formatValue(figures[key], unit), describeChange(before, figures[key], unit)];
      }),
      note: baseline ? undefined : '注：半年初以前没有统计快照，“半年初”一栏空缺。',
    },
  ];
}

async function structureBlocks(structure: Structure): Promise<ReportBlock[]> {
  const secretaries = new Map(structure.secretaries.map((breakdown) => [breakdown.breakdown, breakdown]));
  const charts: { input: BarChartInput; caption: string }[] = structure.reserves.map((breakdown) => {
    const sitting = secretaries.get(breakdown.breakdown);
    const items = breakdown.items.map((item) => ({ label: item.label, count: item.count }));
    return {
      input: {
        title: `${breakdown.label}`,
        items,
        series: sitting
          ? [{ name: '后备力量', counts: items.map((item) => item.count) }, { name: '在任书记', counts: breakdown.items.map((item) => sitting.items.find((entry) => entry.code === item.code)?.count ?? 0) }]
          : [{ name: '后备力量', counts: items.map((item) => item.count) }],
      },
      caption: `图：${breakdown.label}（${sitting ? '后备力量与在任村党组织书记' : '后备力量'}，人）`,
    };
  });
  const blocks: ReportBlock[] = [];
  const sentences = structure.reserves.map((breakdown) => {
    const total = breakdown.items.reduce((sum, item) => sum + item.count, 0);
    const top = [...breakdown.items].sort((a, b) => b.count - a.count).filter((item) => item.count > 0).slice(0, 2);
    return top.length === 0 ? `${breakdown.label}：暂无后备力量。` : `${breakdown.label}：以${top.map((item) => `${item.label}（${describeShare(item.count, total)}）`).join('、')}为主。`;
  });
  blocks.push({ kind: 'paragraph', text: sentences.join('') });
  for (const chart of charts) blocks.push({ kind: 'image', image: await renderBarChartPng(chart.input), caption: chart.caption });
  return blocks;
}

function coverageBlocks(statistics: Statistics): ReportBlock[] {
  const { summary, subunits } = statistics.coverage;
  const byRule = COVERAGE_RULES.map((rule) => `${COVERAGE_RULE_LABELS[rule]}的村 ${summary.byRule[rule]} 个`).join('，');
  return [
    {
      kind: 'paragraph',
      text: `${summary.villages} 个村（社区）中，储备不少于 2 名的 ${describeShare(summary.counts.atLeastTwo, summary.villages)}，有 35 岁以下后备力量的 ${describeShare(summary.counts.young, summary.villages)}，`
        + `书记有成熟接任人选的 ${describeShare(summary.counts.readySuccessor, summary.villages)}。存在短板的村 ${summary.shortVillages} 个，其中${byRule}。`,
    },
    {
      kind: 'table',
      headers: ['单位', '村（社区）', '后备力量', '不少于 2 名', '有 35 岁以下', '有成熟接任人选', '存在短板'],
      rows: subunits.map((unit) => [unit.name, unit.villages, unit.reserves, unit.counts.atLeastTwo, unit.counts.young, unit.counts.readySuccessor, unit.shortVillages]),
    },
  ];
}

function cultivationBlocks(statistics: Statistics, year: number): ReportBlock[] {
  const { figures, trained, mentoring, minimumTrainingDays } = statistics;
  return [{
    kind: 'paragraph',
    text: `${year} 年度参加培训达到 ${minimumTrainingDays} 天的后备力量 ${describeShare(trained, figures.reserves ?? 0)}，达标率 ${formatValue(figures.trainingCompliance, '%')}。`
      + `落实帮带导师的后备力量 ${mentoring.mentored} 名，本月已记录帮带的 ${describeShare(mentoring.contactedThisMonth, mentoring.mentored)}，本月共有帮带记录 ${mentoring.contactsThisMonth} 条。`,
  }];
}

async function removalBlocks(db: Db, prefix: string, period: { from: string; to: string }, reasonLabels: Map<string, string>): Promise<ReportBlock[]> {
  const [removals, admissions] = await Promise.all([
    analysisReportRepository.removals(db, prefix, period),
    analysisReportRepository.admissions(db, prefix, period, youngBornAfter(period.to, YOUNG_MEMBER_MAXIMUM_AGE)),
  ]);
  const removed = [...removals.byReason.values()].reduce((sum, count) => sum + count, 0);
  const blocks: ReportBlock[] = [{
    kind: 'paragraph',
    text: `${period.from} 至 ${period.to}，经乡镇党委批准调整出库的后备力量 ${removed} 名，另有 ${removals.pending} 条调整建议待乡镇审批；`
      + `新入库补充后备力量 ${admissions.admitted} 名（其中 35 岁以下 ${admissions.young} 名），涉及 ${admissions.villages} 个村（社区）。`,
  }];
  if (removed > 0) {
    blocks.push({ kind: 'table', headers: ['调整原因', '人数'], rows: [...removals.byReason.entries()].map(([code, count]) => [reasonLabels.get(code) ?? code, count]) });
  }
  return blocks;
}

async function appointmentBlocks(db: Db, prefix: string, period: { from: string; to: string }): Promise<ReportBlock[]> {
  const appointments = await analysisReportRepository.appointments(db, prefix, period);
  const blocks: ReportBlock[] = [{
    kind: 'paragraph',
    text: `${period.from} 至 ${period.to}，择优选用后备力量进入村“两委”班子 ${appointments.effective} 名，其中跨村统筹调配 ${appointments.crossVillage} 名；正在办理选用程序的 ${appointments.inProgress} 名。`,
  }];
  if (appointments.lines.length > 0) {
    blocks.push({
      kind: 'table',
      headers: ['乡镇（街道）', '村（社区）', '职务', '姓名', '原所在村', '生效日期'],
      rows: appointments.lines.map((line) => [line.township_name ?? '', line.village_name, postLabel(line.committee, line.post), line.person_name, line.home_village_name, line.effective_on]),
      note: appointments.effective > APPOINTMENT_LIST_LIMIT ? `注：仅列出前 ${APPOINTMENT_LIST_LIMIT} 名，共 ${appointments.effective} 名。` : undefined,
    });
  }
  return blocks;
}

function campaignBlocks(campaign: CampaignView | null): ReportBlock[] {
  if (!campaign) return [{ kind: 'paragraph', text: '本单位尚未制定三年行动方案。' }];
  const { progress } = campaign;
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `按照「${campaign.campaign.name}」，各项进度安排共 ${progress.total} 项次，已完成 ${progress.done} 项次（${formatValue(progress.progress, '%')}），未到期 ${progress.due} 项次，已逾期 ${progress.overdue} 项次。`,
    },
    {
      kind: 'table',
      headers: ['进度安排', '完成时限', '已完成', '未到期', '已逾期', '状态'],
      rows: campaign.milestones.map((milestone) => [milestone.label, milestone.deadline, milestone.total.done, milestone.total.due, milestone.total.overdue, milestone.total.status ? MILESTONE_STATUS_LABELS[milestone.total.status] : '—']),
    },
  ];
  if (campaign.targets.length > 0) {
    blocks.push({
      kind: 'table',
      headers: ['目标', '基期', '现在', '目标值', '是否达到'],
      rows: campaign.targets.map((target) => [target.label, formatValue(target.baseline, target.unit), formatValue(target.now, target.unit), formatValue(target.target, target.unit), target.isMet ? '已达到' : `尚差 ${formatValue(target.gap, target.unit)}`]),
    });
  }
  return blocks;
}

function attentionBlocks(statistics: Statistics): ReportBlock[] {
  const candidates = statistics.coverage.villages.map((village) => {
    const short = village.rules.filter((rule) => !rule.met);
    const since = short.map((rule) => rule.shortSince).filter((date): date is string => date !== null).sort()[0] ?? null;
    return { orgCode: village.orgCode, name: village.name, townshipName: village.townshipName, shortRules: short.map((rule) => rule.label), shortSince: since, reserves: village.reserves };
  });
  const { listed } = villagesNeedingAttention(candidates);
  const total = statistics.coverage.summary.shortVillages;
  if (total === 0) return [{ kind: 'paragraph', text: '各村（社区）后备力量均达到配备要求，暂无需要重点关注的村。' }];
  return [
    { kind: 'paragraph', text: `以下 ${total} 个村（社区）后备力量尚未达到配备要求，需督促限期补充，短板最多、持续最久的列在前面。` },
    {
      kind: 'table',
      headers: ['乡镇（街道）', '村（社区）', '后备力量', '短板', '短缺起始日'],
      rows: listed.map((village) => [village.townshipName, village.name, village.reserves, village.shortRules.join('；'), village.shortSince ?? '']),
      note: total > listed.length ? `注：仅列出前 ${listed.length} 个，共 ${total} 个。` : undefined,
    },
  ];
}

/** Builds the report of a county or township for a half year, as .docx or PDF; audited. */
export async function generateAnalysisReport(db: Db, ctx: Context, orgCode: string, request: AnalysisReportRequest): Promise<AnalysisReportFile> {
  const unit = await requireUnit(db, ctx, orgCode, '生成综合分析研判报告');
  if (unit.level !== 'county' && unit.level !== 'township') throw new AppError('VALIDATION_FAILED', '综合分析研判报告按县（区）或乡镇（街道）生成，请选择县或乡镇');
  const period = analysisPeriod(request.year, request.half, ctx.today);
  if ('problem' in period) throw new AppError('VALIDATION_FAILED', period.problem);
  const prefix = subtreePrefix(unit.code, unit.level);
  const [statistics, structure, baseline, campaign, labels] = await Promise.all([
    computeUnitStatistics(db, ctx, unit),
    computeStructure(db, ctx, unit, { withFilters: false }),
    readSnapshotOnOrBefore(db, unit.code, period.from),
    getCurrentCampaign(db, ctx, unit),
    loadEnabledItems(db),
  ]);
  const figures: Figures = { ...statistics.figures, campaignProgress: campaign?.progress.progress ?? null };
  const headings = analysisHeadings(request.headings);
  const title = request.title?.trim() || defaultAnalysisTitle(unit.name, request.year, request.half);
  const reasonLabels = new Map(labels.removalReason.map((item) => [item.code, item.label]));
  const [structureSection, removalSection, appointmentSection] = await Promise.all([
    structureBlocks(structure),
    removalBlocks(db, prefix, period, reasonLabels),
    appointmentBlocks(db, prefix, period),
  ]);
  const blocks: Record<AnalysisSection, ReportBlock[]> = {
    overview: overviewBlocks(unit.name, figures, baseline),
    structure: structureSection,
    coverage: coverageBlocks(statistics),
    cultivation: cultivationBlocks(statistics, Number(ctx.today.slice(0, 4))),
    removals: removalSection,
    appointments: appointmentSection,
    campaign: campaignBlocks(campaign),
    attention: attentionBlocks(statistics),
  };
  const document: ReportDocument = {
    title,
    subtitle: `${unit.fullName}　${halfYearLabel(request.year, request.half)}（${period.from} 至 ${period.to}）　统计日：${ctx.today}`,
    sections: (Object.keys(blocks) as AnalysisSection[]).map((section) => ({ heading: headings[section], blocks: blocks[section] })),
    footer: `${unit.fullName}　${ctx.today}`,
  };
  await db.transaction().execute((tx) => recordAuditEvent(tx, ctx, {
    action: 'analysisReport.export', entityType: 'analysisReport', entityId: unit.code, orgCode: unit.code,
    summary: `生成${unit.fullName}${halfYearLabel(request.year, request.half)}综合分析研判报告（${request.format === 'pdf' ? 'PDF' : 'Word'}）`,
  }));
  const docx = await buildAnalysisReportDocx(document);
  const data = request.format === 'pdf' ? (await convertDocxToPdf([docx]))[0]! : docx;
  return {
    fileName: `${unit.name}${request.year}年${request.half === 1 ? '上' : '下'}半年综合分析研判报告.${request.format}`,
    contentType: CONTENT_TYPES[request.format],
    data,
  };
}
