import type { Db, Executor } from '../../db/database.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { systemContext } from '../../server/access.ts';
import { countyOf } from '../../db/distribution.ts';

/**
 * Demo cultivation records for the demo county: training sessions with attendance, a mentor for
 * every reserve (the demo user `daoshi` takes a few reserves of his township), monthly contact
 * logs, quarterly summaries and opinions, last year's annual results and talks, practice and
 * observer attendance — from March of last year up to `onDate`, with a few gaps so that the
 * reminders have something to show. Deterministic for a seed. Does nothing when records exist.
 */
export async function loadDemoCultivation(
  db: Db,
  options: { countyCode: string; onDate: string; mentorUsername?: string; seed?: number },
): Promise<{ loaded: boolean; sessions: number; contacts: number; assessments: number; mentees: number }> {
  const onDate = options.onDate;
  const random = seededRandom(options.seed ?? 20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (probability: number) => random() < probability;
  const year = Number(onDate.slice(0, 4));
  const start = `${year - 1}-03-01`;
  const countyPrefix = options.countyCode.slice(0, 6);

  if (await db.selectFrom('training_session').select('id').where('org_code', 'like', `${countyPrefix}%`).executeTakeFirst()) {
    return { loaded: false, sessions: 0, contacts: 0, assessments: 0, mentees: 0 };
  }
  const reserves = await db.selectFrom('reserve as r').innerJoin('org_unit as v', 'v.code', 'r.org_code')
    .select(['r.id', 'r.org_code', 'v.parent_code', 'r.mentor_name', 'r.mentor_post', 'r.admitted_on'])
    .where('r.org_code', 'like', `${countyPrefix}%`).where('r.status', '=', 'admitted').orderBy('r.org_code').orderBy('r.id').execute();
  const mentor = await db.selectFrom('app_user as u').innerJoin('user_role as ur', 'ur.user_id', 'u.id').select(['u.id', 'u.display_name', 'ur.org_code'])
    .where('u.username', '=', options.mentorUsername ?? 'daoshi').where('ur.role', '=', 'mentor').executeTakeFirst();
  const townships = [...new Set(reserves.map((reserve) => reserve.parent_code!))];

  return db.transaction().execute(async (tx) => {
    // Reserves entered directly are admitted today; the demo gives them a history from last March.
    await tx.updateTable('reserve').set({ admitted_on: start }).where('org_code', 'like', `${countyPrefix}%`).where('status', '=', 'admitted')
      .where((eb) => eb.or([eb('admitted_on', 'is', null), eb('admitted_on', '>', start)])).execute();

    const sessions = [
      { org_code: options.countyCode, name: '村级后备干部示范培训班', method: 'partySchool', organiser: '县委组织部', start_date: `${year - 1}-04-10`, end_date: `${year - 1}-04-14`, days: 5, content: '政策理论、基层治理、乡村振兴', place: '县委党校' },
      { org_code: options.countyCode, name: '后备干部网络专题学习', method: 'online', organiser: '县委组织部', start_date: `${year}-03-15`, end_date: `${year}-03-16`, days: 2, content: '党的创新理论网络学习', place: null },
    ].filter((session) => session.end_date <= onDate);
    for (const township of townships) {
      const date = `${year}-${pad(Math.min(Number(onDate.slice(5, 7)), 5))}-20`;
      if (date <= onDate) sessions.push({ org_code: township, name: '以会代训：村级事务管理', method: 'meetingAsTraining', organiser: '镇党委', start_date: date, end_date: date, days: 1, content: '村级事务管理、矛盾纠纷调解', place: '镇会议室' });
    }
    const insertedSessions = sessions.length === 0 ? [] : await tx.insertInto('training_session').values(sessions).returning(['id', 'org_code', 'method', 'end_date', 'days']).execute();
    const attendance = insertedSessions.flatMap((session) => reserves
      .filter((reserve) => reserve.org_code.startsWith(session.org_code.endsWith('000000') ? countyPrefix : session.org_code.slice(0, 9)))
      .filter(() => chance(session.method === 'partySchool' ? 0.6 : 0.9))
      .map((reserve) => ({ session_id: session.id, reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, attended: true, days_attended: session.days, method: session.method, end_date: session.end_date, result: '结业' })));
    await insertChunks(tx, 'training_attendance', attendance);

    const menteeIds = new Set(mentor ? reserves.filter((reserve) => reserve.org_code.startsWith(mentor.org_code.slice(0, 9))).slice(0, 5).map((reserve) => reserve.id) : []);
    const assignments = reserves.map((reserve) => menteeIds.has(reserve.id) && mentor
      ? { reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, mentor_user_id: mentor.id, mentor_name: mentor.display_name, mentor_post: 'townshipLeader', mentor_title: '镇党委委员', started_on: start }
      : { reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, mentor_user_id: null, mentor_name: reserve.mentor_name ?? '包村干部', mentor_post: mentorPostOf(reserve.mentor_post), mentor_title: reserve.mentor_post, started_on: start });
    const insertedAssignments = assignments.length === 0 ? [] : await tx.insertInto('mentoring_assignment').values(assignments).returning(['id', 'reserve_id', 'org_code', 'mentor_user_id']).execute();

    const months = monthsBetween(start, onDate);
    const contacts = insertedAssignments.flatMap((assignment) => months.filter(() => chance(assignment.mentor_user_id ? 0.8 : 0.93)).map((month) => {
      const day = Math.min(8 + Math.floor(random() * 18), month.lastDay);
      const contactedOn = `${month.key}-${pad(day)}`;
      return contactedOn > onDate ? null : {
        assignment_id: assignment.id, reserve_id: assignment.reserve_id, county_code: countyOf(assignment.org_code), org_code: assignment.org_code, contacted_on: contactedOn, form: pick(['talk', 'visit', 'phone', 'online']),
        thoughts: pick(['思想稳定，干事热情高', '对村里产业发展有想法', '工作积极，有畏难情绪']), work: pick(['协助开展人居环境整治', '参与矛盾纠纷调解', '整理村级党建资料', '走访困难群众']),
        problems: pick(['群众工作方法不多', '政策把握不够准', null]), help_given: pick(['带着走访农户，讲解政策', '指导起草工作材料', '推荐参加镇上培训']), recorded_by: 'demo',
      };
    }).filter((contact) => contact !== null));
    await insertChunks(tx, 'mentor_contact', contacts);

    const quarters = completedQuarters(start, onDate);
    const summaries = insertedAssignments.flatMap((assignment) => quarters.filter(() => chance(0.9)).map((quarter) => ({
      assignment_id: assignment.id, reserve_id: assignment.reserve_id, county_code: countyOf(assignment.org_code), org_code: assignment.org_code, year: quarter.year, quarter: quarter.quarter, period_text: null,
      content: pick(['谈心谈话 3 次，指导参与重点工作', '带领参与信访接待，讲解群众工作方法', '指导参与产业项目推进']), opinion: pick(['进步明显', '表现良好，需加强群众工作', '工作积极主动']), recorded_by: 'demo',
    })));
    await insertChunks(tx, 'mentoring_summary', summaries);

    const grade = () => pick(['excellent', 'competent', 'competent', 'competent', 'basicallyCompetent']);
    const assessments = reserves.flatMap((reserve) => [
      ...quarters.flatMap((quarter) => (['village', 'township'] as const).filter(() => chance(0.9)).map((assessor) => ({
        reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, kind: 'quarterly', assessor, year: quarter.year, quarter: quarter.quarter, grade: grade(),
        opinion: assessor === 'village' ? pick(['表现良好', '工作认真负责', '群众反映较好']) : pick(['有发展潜力，群众工作需加强', '综合素质较好', '进步明显']), assessed_on: quarter.end, recorded_by: 'demo',
      }))),
      ...(`${year - 1}-12-31` < onDate ? [{ reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, kind: 'annual', assessor: 'township', year: year - 1, quarter: null, grade: grade(), opinion: '年度考核', assessed_on: `${year - 1}-12-28`, recorded_by: 'demo' }] : []),
    ]);
    await insertChunks(tx, 'assessment', assessments);

    const talks = reserves.flatMap((reserve) => [`${year - 1}-06-18`, `${year}-06-18`].filter((date) => date <= onDate && chance(0.85)).map((date) => ({
      reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, talked_on: date, talker_name: '镇党委书记', content: '了解思想动态和工作打算，提出培养要求', recorded_by: 'demo',
    })));
    await insertChunks(tx, 'annual_talk', talks);
    const practice = reserves.map((reserve) => {
      const isPost = chance(0.6);
      return {
        reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, kind: isPost ? 'post' : 'task',
        category: isPost ? pick(['secretaryAssistant', 'partyGroupLeader', 'villagerGroupLeader', 'gridWorker']) : pick(['disputeMediation', 'emergency', 'keyProject', 'petition']),
        started_on: `${year - 1}-05-01`, ended_on: null, content: isPost ? '参与村务管理和党建工作' : '参与重点工作一线锻炼', performance: pick(['工作认真，完成较好', '积极主动，群众认可']), opinion: pick(['称职', '表现良好']),
      };
    });
    await insertChunks(tx, 'practice_record', practice);
    const observers = reserves.flatMap((reserve) => months.filter(() => chance(0.15)).map((month) => ({
      reserve_id: reserve.id, county_code: countyOf(reserve.org_code), org_code: reserve.org_code, meeting_type: pick(['villageCommittees', 'partyMembers', 'villagerRepresentatives', 'townshipCadres']), meeting_date: `${month.key}-05`, topic: pick(['年度工作计划', '产业项目', '人居环境整治']),
    })).filter((row) => row.meeting_date <= onDate));
    await insertChunks(tx, 'observer_attendance', observers);
    await recordAuditEvent(tx, systemContext(onDate), {
      action: 'demo.load', entityType: 'cultivation', entityId: options.countyCode, orgCode: options.countyCode,
      summary: `载入演示培养记录：培训 ${insertedSessions.length} 期，帮带记录 ${contacts.length} 条，考核 ${assessments.length} 条，导师 ${mentor ? `${mentor.display_name} 帮带 ${menteeIds.size} 人` : '无'}`,
    });
    return { loaded: true, sessions: insertedSessions.length, contacts: contacts.length, assessments: assessments.length, mentees: menteeIds.size };
  });
}

function mentorPostOf(title: string | null): string {
  if (!title) return 'villageContactCadre';
  if (title.startsWith('镇')) return 'townshipLeader';
  if (title.includes('第一书记')) return 'firstSecretary';
  if (title.startsWith('村')) return 'villageHead';
  return title.includes('包村') ? 'villageContactCadre' : 'other';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function monthsBetween(from: string, to: string): { key: string; lastDay: number }[] {
  const months: { key: string; lastDay: number }[] = [];
  for (let year = Number(from.slice(0, 4)), month = Number(from.slice(5, 7)); `${year}-${pad(month)}` <= to.slice(0, 7); month === 12 ? ((year += 1), (month = 1)) : (month += 1)) {
    months.push({ key: `${year}-${pad(month)}`, lastDay: new Date(Date.UTC(year, month, 0)).getUTCDate() });
  }
  return months;
}

function completedQuarters(from: string, to: string): { year: number; quarter: number; end: string }[] {
  const quarters: { year: number; quarter: number; end: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (let quarter = 1; quarter <= 4; quarter += 1) {
      const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
      if (end >= from && end < to) quarters.push({ year, quarter, end });
    }
  }
  return quarters;
}

async function insertChunks<T extends 'training_attendance' | 'mentor_contact' | 'mentoring_summary' | 'assessment' | 'annual_talk' | 'practice_record' | 'observer_attendance'>(
  tx: Executor, table: T, rows: readonly Parameters<ReturnType<Executor['insertInto']>['values']>[0][],
): Promise<void> {
  for (let index = 0; index < rows.length; index += 1000) {
    await tx.insertInto(table).values(rows.slice(index, index + 1000) as never).execute();
  }
}

/** mulberry32: a small deterministic generator, so the demo is the same for a seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
