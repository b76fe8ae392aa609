import type { Executor } from '../../db/database.ts';
import type { Figures } from '../../domain/statistics.ts';
import { statisticsRepository } from './statistics.repository.ts';

/** A unit's snapshot on or before a date (a campaign's baseline), for other modules. */
export async function readSnapshotOnOrBefore(db: Executor, orgCode: string, onDate: string): Promise<{ takenOn: string; figures: Partial<Figures> } | null> {
  const row = await statisticsRepository.snapshotOnOrBefore(db, orgCode, onDate);
  return row ? { takenOn: row.taken_on, figures: row.figures as Partial<Figures> } : null;
}
