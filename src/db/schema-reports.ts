import type { ColumnType, Generated } from 'kysely';
import type { MilestoneRule, MilestoneScope } from '../domain/campaign.ts';
import type { CountyCode, CreatedAt, UpdatedAt } from './schema-columns.ts';

type Json<T> = ColumnType<T, string, string>;
/** numeric comes back as text from both drivers. */
type Numeric = ColumnType<string, number | string, number | string>;

/** Tables of the dashboard, reports and the campaign (migrations 0013_reports_and_campaign.sql, 0016, 0018). */
export interface ReportsSchema {
  statistics_snapshot: StatisticsSnapshotTable;
  county_statistics: CountyStatisticsTable;
  summary_table_filing: SummaryTableFilingTable;
  campaign: CampaignTable;
  campaign_milestone: CampaignMilestoneTable;
  milestone_confirmation: MilestoneConfirmationTable;
}

export interface StatisticsSnapshotTable {
  county_code: CountyCode;
  org_code: string;
  taken_on: string;
  figures: Json<Record<string, number | null>>;
  /** Counts per code of each grouping, for reserves and secretaries (migration 0016); null in older snapshots. */
  structure: ColumnType<{ reserves: Record<string, Record<string, number>>; secretaries: Record<string, Record<string, number>> } | null, string | null | undefined, string | null>;
  taken_at: UpdatedAt;
}

/** Grouped counts: per grouping, count per code. */
type GroupedCounts = Record<string, Record<string, number>>;

export interface CountyStatisticsTable {
  county_code: string;
  counted_on: string;
  counted_at: UpdatedAt;
  totals: Json<Record<string, number>>;
  structure: Json<{ reserves: GroupedCounts; secretaries: GroupedCounts }>;
}

export interface SummaryTableFilingTable {
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  year: number;
  filed_on: string;
  actor_name: string;
  totals: Json<Record<string, number>>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CampaignTable {
  county_code: CountyCode;
  id: Generated<string>;
  org_code: string;
  name: string;
  start_year: number;
  started_on: string;
  mature_reserves_deadline: string;
  secretary_college_share: Numeric | null;
  secretary_average_age: Numeric | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CampaignMilestoneTable {
  county_code: CountyCode;
  id: Generated<string>;
  campaign_id: string;
  code: string;
  label: string;
  applies_to: MilestoneScope;
  rule: MilestoneRule;
  deadline: string;
  version: Generated<number>;
}

export interface MilestoneConfirmationTable {
  county_code: CountyCode;
  milestone_id: string;
  org_code: string;
  confirmed_on: string;
  evidence: string;
  actor_name: string;
  created_at: CreatedAt;
}
