import type { Db, Executor } from '../../db/database.ts';
import { askedMasks, carriedOverYearEnd, collectCarriedOver, collectReminders, describeReminder, pageOfReminders, REMINDER_KIND_LABELS, YEAR_END_ASKED, type AssignmentFacts, type Reminder, type ReserveFacts } from '../../domain/reminders.ts';
import { DEFAULT_TRAINING_RULES, isQualifyingCentralised, TRAINING_METHODS, type TrainingMethod, type TrainingRules } from '../../domain/training-rules.ts';
import type { Context } from '../../server/access.ts';
import { forbidden } from '../../server/errors.ts';
import { remindersRepository, type AssignmentFactRow } from './reminders.repository.ts';
import { prefixOf } from './training.service.ts';

/**
 * The facts of every admitted reserve in a subtree on a date, gathered by set-based queries run
 * together (reserves, assignments with something missing, rule sets), with the training rules of
 * each reserve's jurisdiction (nearest rule set above it).
 */
export async function loadReminderFacts(
  db: Executor,
  options: { prefix: string; onDate: string; today: string; mentorUserId?: string | undefined; summing?: 'rollup' | 'records' },
): Promise<ReserveFacts[]> {
  // The roll-ups hold whole years: exact when nothing is recorded after onDate, i.e. from today on.
  const useRollup = (options.summing ?? (options.onDate >= options.today ? 'rollup' : 'records')) === 'rollup';
  const [ruleRows, reserves, assignments] = await Promise.all([
    remindersRepository.listRuleSets(db),
    remindersRepository.listReserveFacts(db, { ...options, useRollup }),
    remindersRepository.listAssignmentFacts(db, { ...options, useRollup, asked: askedMasks(options.onDate) }),
  ]);
  const ruleSets = ruleRows.map((row) => ({
    prefix: row.org_prefix,
    rules: {
      minimumDaysPerYear: row.minimum_days_per_year, centralisedMinimumDays: row.centralised_minimum_days, centralisedWindowYears: row.centralised_window_years,
      centralisedMethods: row.centralised_methods.filter((method): method is TrainingMethod => (TRAINING_METHODS as readonly string[]).includes(method)),
    } satisfies TrainingRules,
  })).sort((a, b) => b.prefix.length - a.prefix.length);
  const byReserve = groupAssignments(assignments);
  return reserves.map((row): ReserveFacts => {
    const rules = ruleSets.find((set) => row.org_code.startsWith(set.prefix))?.rules ?? DEFAULT_TRAINING_RULES;
    return {
      reserveId: row.id, reserveName: row.name, orgCode: row.org_code, admittedOn: row.admitted_on, rules,
      training: { attendedDaysThisYear: Number(row.days_this_year ?? 0), qualifyingEnds: qualifyingEnds(row.sessions, rules) },
      villageQuarters: row.village_quarters ?? 0, townshipQuarters: row.township_quarters ?? 0, hasAnnualTalk: row.has_talk, hasMentorOnDate: row.has_mentor,
      assignments: byReserve.get(row.id) ?? [],
    };
  });
}

/** Assignment rows as facts, by reserve. */
function groupAssignments(rows: readonly AssignmentFactRow[]): Map<string, AssignmentFacts[]> {
  const byReserve = new Map<string, AssignmentFacts[]>();
  for (const row of rows) {
    const facts: AssignmentFacts = {
      assignmentId: row.id, mentorUserId: row.mentor_user_id, mentorName: row.mentor_name, startedOn: row.started_on, endedOn: row.ended_on,
      contactMonths: row.contact_months ?? 0, summaryQuarters: row.summary_quarters ?? 0,
    };
    const list = byReserve.get(row.reserve_id);
    if (list) list.push(facts);
    else byReserve.set(row.reserve_id, [facts]);
  }
  return byReserve;
}

/**
 * The facts, as at the previous 31 December, of the reserves listed today that may have left
 * something undone that year (the others need no look): that year's figures and the assignments
 * lacking December's log or the fourth quarter's summary, from the roll-ups (exact for a whole
 * year); name, unit, admission and rules are today's. A reserve listed only for an assignment has
 * its figures complete.
 */
async function loadYearEndFacts(db: Executor, current: readonly ReserveFacts[], options: { prefix: string; yearEnd: string; mentorUserId?: string | undefined }): Promise<ReserveFacts[]> {
  const year = Number(options.yearEnd.slice(0, 4));
  let minimumDays = DEFAULT_TRAINING_RULES.minimumDaysPerYear;
  for (const reserve of current) minimumDays = Math.max(minimumDays, reserve.rules.minimumDaysPerYear);
  const which = options.mentorUserId ? { reserveIds: current.map((reserve) => reserve.reserveId) } : { prefix: options.prefix };
  const [shortfalls, assignments] = await Promise.all([
    remindersRepository.listYearEndShortfalls(db, { year, minimumDays, ...which }),
    remindersRepository.listAssignmentFacts(db, { prefix: options.prefix, onDate: options.yearEnd, mentorUserId: options.mentorUserId, useRollup: true, asked: YEAR_END_ASKED }),
  ]);
  const byReserve = groupAssignments(assignments);
  const shortfallOf = new Map(shortfalls.map((row) => [row.reserve_id, row]));
  const facts: ReserveFacts[] = [];
  for (const reserve of current) {
    const row = shortfallOf.get(reserve.reserveId);
    const reserveAssignments = byReserve.get(reserve.reserveId) ?? [];
    if (!row && reserveAssignments.length === 0) continue;
    facts.push({
      ...reserve,
      training: { attendedDaysThisYear: row ? Number(row.training_days) : reserve.rules.minimumDaysPerYear, qualifyingEnds: reserve.training.qualifyingEnds },
      villageQuarters: row ? row.village_quarters : ALL_QUARTERS, townshipQuarters: row ? row.township_quarters : ALL_QUARTERS, hasAnnualTalk: row ? row.talks > 0 : true,
      hasMentorOnDate: true, assignments: reserveAssignments,
    });
  }
  return facts;
}

const ALL_QUARTERS = 0b1111;

/**
 * The end dates of the sessions ('YYYY-MM-DD|method|days,…') that count as centralised training
 * under the rules. Read in place rather than split: a province's list reads some 900,000 sessions.
 */
function qualifyingEnds(sessions: string | null, rules: TrainingRules): string[] {
  const ends: string[] = [];
  if (!sessions) return ends;
  for (let start = 0; start < sessions.length;) {
    const next = sessions.indexOf(',', start);
    const stop = next < 0 ? sessions.length : next;
    const methodStart = start + 11;
    const methodStop = sessions.indexOf('|', methodStart);
    const method = rules.centralisedMethods.find((candidate) => candidate.length === methodStop - methodStart && sessions.startsWith(candidate, methodStart));
    if (method && isQualifyingCentralised({ method, daysAttended: Number(sessions.slice(methodStop + 1, stop)) }, rules)) ends.push(sessions.slice(start, start + 10));
    start = stop + 1;
  }
  return ends;
}

/**
 * Every reminder of a subtree on a date: the year's, and from January to March what the previous
 * year left undone at its end (read from that year's roll-ups, for the reserves still listed).
 */
async function collectRemindersOn(db: Executor, options: { prefix: string; onDate: string; today: string; mentorUserId?: string | undefined }): Promise<Reminder[]> {
  const facts = await loadReminderFacts(db, options);
  const reminders = collectReminders(facts, options.onDate);
  const yearEnd = carriedOverYearEnd(options.onDate);
  if (yearEnd === null) return reminders;
  const previous = await loadYearEndFacts(db, facts, { ...options, yearEnd });
  for (const reminder of collectCarriedOver(previous, options.onDate, new Set(facts.map((reserve) => reserve.reserveId)))) reminders.push(reminder);
  return reminders;
}

/** Counts by kind and the page asked for (in the list's order), with the village names of the reminders shown. */
async function present(db: Executor, reminders: readonly Reminder[], onDate: string, page: { page: number; pageSize: number }) {
  const counts: Record<string, number> = {};
  for (const reminder of reminders) counts[reminder.kind] = (counts[reminder.kind] ?? 0) + 1;
  const shown = pageOfReminders(reminders, page);
  const villageNames = await remindersRepository.unitNames(db, [...new Set(shown.map((reminder) => reminder.orgCode))]);
  return {
    onDate,
    total: reminders.length,
    counts,
    reminders: shown.map((reminder) => {
      const { figures: _figures, ...fields } = reminder;
      return { ...fields, label: REMINDER_KIND_LABELS[reminder.kind], message: describeReminder(reminder), villageName: villageNames.get(reminder.orgCode) ?? '' };
    }),
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
  const onDate = query.onDate ?? ctx.today;
  const reminders = (await collectRemindersOn(db, { prefix: prefixOf(orgCode), onDate, today: ctx.today })).filter((reminder) => !query.kind || reminder.kind === query.kind);
  return present(db, reminders, onDate, query);
}

/**
 * The caller's own to-do list: a mentor's reminders for their mentees; a village clerk's and a
 * township's reminders addressed to their unit (and logs of mentors who are not users, which they
 * enter); the org department's whole subtree.
 */
export async function listMyReminders(db: Db, ctx: Context, query: { onDate?: string | undefined; page: number; pageSize: number }) {
  const onDate = query.onDate ?? ctx.today;
  const collected: Reminder[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Reminder[]) => {
    for (const reminder of list) {
      const key = `${reminder.kind}|${reminder.reserveId}|${reminder.period}|${reminder.responsibleUserId ?? ''}|${reminder.responsibleName ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      collected.push(reminder);
    }
  };
  if (ctx.actor && ctx.access.canAnywhere('mentoring.log')) {
    add((await collectRemindersOn(db, { prefix: '', onDate, mentorUserId: ctx.actor.userId, today: ctx.today })).filter((reminder) => reminder.responsibleUserId === ctx.actor!.userId));
  }
  for (const binding of ctx.actor?.roles ?? []) {
    if (!['villageClerk', 'townshipCommittee', 'orgDepartment', 'administrator'].includes(binding.role)) continue;
    if (!ctx.access.can('cultivation.read', binding.orgCode)) continue;
    const reminders = await collectRemindersOn(db, { prefix: prefixOf(binding.orgCode), onDate, today: ctx.today });
    const isOwn = (reminder: Reminder) => {
      if (binding.role === 'orgDepartment' || binding.role === 'administrator') return true;
      if (reminder.responsibleRole === 'mentor') return reminder.responsibleUserId === null;
      return reminder.responsibleRole === binding.role;
    };
    add(reminders.filter(isOwn));
  }
  if (collected.length === 0 && !ctx.access.canAnywhere('cultivation.read') && !ctx.access.canAnywhere('mentoring.log')) throw forbidden('查看培养教育提醒');
  return present(db, collected, onDate, query);
}
