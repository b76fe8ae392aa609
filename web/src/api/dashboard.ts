/**
 * The dashboard, snapshots and reports (SPEC section 6). Shapes come from the server's Zod schemas.
 */
import type { z } from 'zod';
import type { ZDashboard, ZSnapshotList, ZSnapshotTaken } from '../../../src/modules/dashboard/dashboard.schemas.ts';
import type { TAnalysisReportRequest, ZSummaryFilingList } from '../../../src/modules/reports/reports.schemas.ts';
import { api } from './client.ts';
import { fetchFile, type DownloadedFile, type ProgressListener } from './client.ts';

export type Dashboard = z.infer<typeof ZDashboard>;
export type DashboardFigure = Dashboard['figures'][number];
export type DashboardBreakdown = Dashboard['reserves'][number];
export type SnapshotList = z.infer<typeof ZSnapshotList>;
export type SummaryFilingList = z.infer<typeof ZSummaryFilingList>;
export type AnalysisReportInput = TAnalysisReportRequest;

const id = (value: string) => encodeURIComponent(value);

export const dashboardApi = {
  get: (orgCode: string, signal?: AbortSignal) => api.get<Dashboard>(`/api/dashboard/${id(orgCode)}`, undefined, signal),
  snapshots: (orgCode: string, signal?: AbortSignal) => api.get<SnapshotList>(`/api/dashboard/${id(orgCode)}/snapshots`, undefined, signal),
  takeSnapshot: (orgCode: string) => api.post<z.infer<typeof ZSnapshotTaken>>(`/api/dashboard/${id(orgCode)}/snapshots`, {}),
  summaryTable: (orgCode: string, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('GET', `/api/summary-tables/${id(orgCode)}/export`, '后备力量名单汇总表.xlsx', { onProgress }),
  filings: (orgCode: string, year: number, signal?: AbortSignal) => api.get<SummaryFilingList>(`/api/summary-tables/${id(orgCode)}/filings`, { year }, signal),
  structureStatistics: (orgCode: string, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('GET', `/api/structure-statistics/${id(orgCode)}/export`, '结构统计.xlsx', { onProgress }),
  analysisReport: (orgCode: string, input: AnalysisReportInput, onProgress?: ProgressListener): Promise<DownloadedFile> =>
    fetchFile('POST', `/api/analysis-reports/${id(orgCode)}`, `综合分析研判报告.${input.format}`, { body: input, onProgress }),
  file: (orgCode: string, input: { year: number; filedOn: string; version: number | null }) => api.post(`/api/summary-tables/${id(orgCode)}/filings`, input),
};
