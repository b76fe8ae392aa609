import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/**
 * Overwriting a year the official calendar package already knows: the page is shown how the
 * entered schedule differs from the official one, the change needs a reason, and the audit event
 * keeps both. 2026 is the last year the package ships.
 */
let world: TestWorld;
let county: string;
let official: { holidays: string[]; makeUpWorkdays: string[] };

interface CalendarYear { year: number; source: string; holidays: string[]; makeUpWorkdays: string[]; version: number | null; official: { holidays: string[]; makeUpWorkdays: string[] } | null }

async function years(): Promise<CalendarYear[]> {
  const response = await world.app.inject({ method: 'GET', url: '/api/official-calendar/years', headers: { cookie: county } });
  expect(response.statusCode).toBe(200);
  return response.json().years;
}

beforeAll(async () => {
  world = await createTestWorld();
  county = await world.login('county');
  const known = (await years()).find((entry) => entry.year === 2026)!;
  official = { holidays: known.holidays, makeUpWorkdays: known.makeUpWorkdays };
});
afterAll(async () => world.close());

describe('overwriting a year the official calendar knows', () => {
  // National Day shortened by a day, and the Saturday after it no longer worked.
  const changed = () => ({
    holidays: official.holidays.filter((date) => date !== '2026-10-07'),
    makeUpWorkdays: official.makeUpWorkdays.filter((date) => date !== '2026-10-10'),
  });

  it('lists the official schedule beside the year', async () => {
    const known = (await years()).find((entry) => entry.year === 2026)!;
    expect(known).toMatchObject({ source: 'package', official: { holidays: official.holidays, makeUpWorkdays: official.makeUpWorkdays } });
    expect(official.holidays).toContain('2026-10-07');
    expect(official.makeUpWorkdays).toContain('2026-10-10');
  });

  it('refuses a different schedule without a reason, saying which days change, and saves nothing', async () => {
    const response = await world.app.inject({ method: 'PUT', url: '/api/official-calendar/years/2026', headers: { cookie: county }, payload: { ...changed(), version: null } });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('2026 年的安排与系统内置的官方安排不同：1 天由放假改为上班（2026-10-07）；1 天由上班改为放假（2026-10-10）。请核对；确需修改的，请填写修改理由（如所依据的通知）');
    expect((await years()).find((entry) => entry.year === 2026)!.source).toBe('package');
  });

  it('saves it with a reason, and audits the reason and the difference', async () => {
    const response = await world.app.inject({ method: 'PUT', url: '/api/official-calendar/years/2026', headers: { cookie: county }, payload: { ...changed(), reason: '本地补充通知调整', version: null } });
    expect(response.statusCode).toBe(200);
    const saved = (response.json().years as CalendarYear[]).find((entry) => entry.year === 2026)!;
    expect(saved).toMatchObject({ source: 'entered', holidays: changed().holidays, official: { holidays: official.holidays } });
    const event = await world.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'officialCalendar.update').where('entity_id', '=', '2026').executeTakeFirstOrThrow();
    expect(event.summary).toContain('与官方安排相比：1 天由放假改为上班（2026-10-07）；1 天由上班改为放假（2026-10-10）；理由：本地补充通知调整');
    expect(event.after).toMatchObject({ reason: '本地补充通知调整', differenceFromOfficial: { becomeWorkingDays: ['2026-10-07'], becomeDaysOff: ['2026-10-10'] } });
  });

  it('takes the official schedule back without a reason', async () => {
    const entered = (await years()).find((entry) => entry.year === 2026)!;
    const response = await world.app.inject({ method: 'PUT', url: '/api/official-calendar/years/2026', headers: { cookie: county }, payload: { ...official, version: entered.version } });
    expect(response.statusCode).toBe(200);
    const events = await world.database.db.selectFrom('audit_event').select('summary').where('action', '=', 'officialCalendar.update').where('entity_id', '=', '2026').orderBy('id').execute();
    expect(events.at(-1)!.summary).toContain('与官方安排一致');
  });
});
