import type { CoverageRule } from '../../../src/domain/coverage.ts';
import { api } from './client.ts';

/**
 * The parts of GET /api/coverage/{orgCode} (ZCoverage in src/modules/coverage/coverage.routes.ts)
 * the client reads: each village's pool against the coverage rules.
 */
export interface VillageCoverage {
  orgCode: string;
  name: string;
  reserves: number;
  rules: { rule: CoverageRule; label: string; met: boolean; explanation: string; shortSince: string | null }[];
  isShort: boolean;
}
export interface Coverage { orgCode: string; villages: VillageCoverage[] }

export const coverageApi = {
  get: (orgCode: string, signal?: AbortSignal) => api.get<Coverage>(`/api/coverage/${encodeURIComponent(orgCode)}`, undefined, signal),
};
