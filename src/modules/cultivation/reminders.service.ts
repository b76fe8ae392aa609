import type { Db, Executor } from '../../db/database.ts';
import { todayInChina } from '../../domain/dates.ts';
import { computeReminders, REMINDER_KIND_LABELS, type Reminder, type ReserveFacts } from '../../domain/reminders.ts';
import { DEFAULT_TRAINING_RULES, isQualifyingCentralised, TRAINING_METHODS, type TrainingMethod, type TrainingRules } from '../../domain/training-rules.ts';
import type { Context } from '../../server/access.ts';
import { forbidden } from '../../server/errors.ts';
import { remindersRepository } from './reminders.repository.ts';
import { prefixOf } from './training.service.ts';

function maskToList(mask: number | null, size: number): number[] {
  const list: number[] = [];
  for (let bit = 0; bit < size; bit += 1) if (mask !== null && (mask & (1 << bit)) !== 0) list.push(bit + 1);
  return list;
}

/**
 * The facts of every admitted reserve in a subtree on a date, gathered by two set-based queries,
 * with the training rules of each reserve's jurisdiction (nearest rule set above it).
 */
export async function loadReminderFacts(db: Executor, options: { prefix: string; onDate: string; mentorUserId?: string | undefined; summing?: 'rollup' | 'records' }): Promise<{ facts: ReserveFacts[]; villageNames: Map<string, string> }> {
  // The roll-ups hold whole years: exact when nothing is recorded after onDate, i.e. from today on.
  const useRollup = (options.summing ?? (options.onDate >= todayInChina() ? 'rollup' : 'records')) === 'rollup';
  const ruleSets = (await remindersRepository.listRuleSets(db)).map((row) => ({
    prefix: row.org_prefix,
    rules: {
      minimumDaysPerYear: row.minimum_days_per_year, centralisedMinimumDays: row.centralised_minimum_days, centralisedWindowYears: row.centralised_window_years,
      centralisedMethods: row.centralised_methods.filter((method): method is TrainingMethod => (TRAINING_METHODS as readonly string[]).includes(method)),
    } satisfies TrainingRules,
  })).sort((a, b) => b.prefix.length - a.prefix.length);
  const allRules = [DEFAULT_TRAINING_RULES, ...ruleSets.map((set) => set.rules)];
  const [reserves, assignments] = await Promise.all([
    remindersRepository.listReserveFacts(db, {
      ...options, useRollup,
      minimumQualifyingDays: Math.min(...allRules.map((rules) => rules.centralisedMinimumDays)),
      qualifyingMethods: [...new Set(allRules.flatMap((rules) => rules.centralisedMethods))],
    }),
    remindersRepository.listAssignmentFacts(db, { ...options, useRollup }),
  ]);
  const byReserve = new Map<string, ReserveFacts['assignments'][number][]>();
  for (const row of assignments) {
    const list = byReserve.get(row.reserve_id) ?? [];
    list.push({
      assignmentId: row.id, mentorUserId: row.mentor_user_id, mentorName: row.mentor_name, startedOn: row.started_on, endedOn: row.ended_on,
      contactMonths: maskToList(row.contact_months, 12), summaryQuarters: maskToList(row.summary_quarters, 4),
    });
    byReserve.set(row.reserve_id, list);
  }
  const villageNames = new Map<string, string>();
  const facts = reserves.map((row): ReserveFacts => {
    villageNames.set(row.org_code, row.village_name);
    const rules = ruleSets.find((set) => row.org_code.startsWith(set.prefix))?.rules ?? DEFAULT_TRAINING_RULES;
    const qualifyingEnds = (row.long_sessions ?? []).map((text) => text.split('|')).filter(([, method, days]) => isQualifyingCentralised({ method: method as TrainingMethod, daysAttended: Number(days) }, rules)).map(([end]) => end!);
    return {
      reserveId: row.id, reserveName: row.name, orgCode: row.org_code, admittedOn: row.admitted_on, rules,
      training: { attendedDaysThisYear: Number(row.days_this_year ?? 0), qualifyingEnds },
      villageQuarters: maskToList(row.village_quarters, 4), townshipQuarters: maskToList(row.township_quarters, 4), hasAnnualTalk: row.has_talk,
      assignments: byReserve.get(row.id) ?? [],
    };
  });
  return { facts, villageNames };
}

function present(reminders: readonly Reminder[], villageNames: Map<string, string>, onDate: string, page: { page: number; pageSize: number }) {
  const counts: Record<string, number> = {};
  for (const reminder of reminders) counts[reminder.kind] = (counts[reminder.kind] ?? 0) + 1;
  const start = (page.page - 1) * page.pageSize;
  return {
    onDate,
    total: reminders.length,
    counts,
    reminders: reminders.slice(start, start + page.pageSize).map((reminder) => ({ ...reminder, label: REMINDER_KIND_LABELS[reminder.kind], villageName: villageNames.get(reminder.orgCode) ?? '' })),
  };
}

/** The default unit of a caller for cultivation lists: the highest unit where they may read. */
function defaultUnit(ctx: Context): string {
  const prefixes = ctx.access.prefixes('cultivation.read').sort((a, b) => a.length - b.length);
  if (prefixes.length === 0) throw forbidden('查看培养教育提醒');
  return prefixes[0]!.padEnd(12, '0');
}

/** Everything due or overdue in a unit's subtree on a date, for every responsible party. */
export async function listUnitReminders(db: Db, ctx: Context, query: { orgCode?: string | undefined; onDate?: string | undefined; kind?: string | undefined; page: number; pageSize: number }) {
  const orgCode = query.orgCode ?? defaultUnit(ctx);
  ctx.access.require('cultivation.read', [orgCode], { record: '组织单位', action: '查看该单位的培养教育提醒' });
  const onDate = query.onDate ?? todayInChina();
  const { facts, villageNames } = await loadReminderFacts(db, { prefix: prefixOf(orgCode), onDate });
  const reminders = computeReminders(facts, onDate).filter((reminder) => !query.kind || reminder.kind === query.kind);
  return present(reminders, villageNames, onDate, query);
}

/**
 * The caller's own to-do list: a mentor's reminders for their mentees; a village clerk's and a
 * township's reminders addressed to their unit (and logs of mentors who are not users, which they
 * enter); the org department's whole subtree.
 */
export async function listMyReminders(db: Db, ctx: Context, query: { onDate?: string | undefined; page: number; pageSize: number }) {
  const onDate = query.onDate ?? todayInChina();
  const collected: Reminder[] = [];
  const villageNames = new Map<string, string>();
  const seen = new Set<string>();
  const add = (list: readonly Reminder[], names: Map<string, string>) => {
    for (const [code, name] of names) villageNames.set(code, name);
    for (const reminder of list) {
      const key = `${reminder.kind}|${reminder.reserveId}|${reminder.period}|${reminder.responsibleUserId ?? ''}|${reminder.responsibleName ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      collected.push(reminder);
    }
  };
  if (ctx.actor && ctx.access.canAnywhere('mentoring.log')) {
    const { facts, villageNames: names } = await loadReminderFacts(db, { prefix: '', onDate, mentorUserId: ctx.actor.userId });
    add(computeReminders(facts, onDate).filter((reminder) => reminder.responsibleUserId === ctx.actor!.userId), names);
  }
  for (const binding of ctx.actor?.roles ?? []) {
    if (!['villageClerk', 'townshipCommittee', 'orgDepartment', 'administrator'].includes(binding.role)) continue;
    if (!ctx.access.can('cultivation.read', binding.orgCode)) continue;
    const { facts, villageNames: names } = await loadReminderFacts(db, { prefix: prefixOf(binding.orgCode), onDate });
    const isOwn = (reminder: Reminder) => {
      if (binding.role === 'orgDepartment' || binding.role === 'administrator') return true;
      if (reminder.responsibleRole === 'mentor') return reminder.responsibleUserId === null;
      return reminder.responsibleRole === binding.role;
    };
    add(computeReminders(facts, onDate).filter(isOwn), names);
  }
  if (collected.length === 0 && !ctx.access.canAnywhere('cultivation.read') && !ctx.access.canAnywhere('mentoring.log')) throw forbidden('查看培养教育提醒');
  return present(collected.sort((a, b) => (a.status !== b.status ? (a.status === 'overdue' ? -1 : 1) : a.dueBy.localeCompare(b.dueBy))), villageNames, onDate, query);
}
