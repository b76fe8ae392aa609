import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveToJointReview, nominateForTest } from '../helpers/selection.ts';
import { addLedgerPerson, createTestWorld, type TestWorld } from '../helpers/test-app.ts';

/** What a joint-review department sees of a candidate sent to it: the deadline to answer, and the ID number it needs to check its records. */

let world: TestWorld;
let admin: string;
let reviewer: string;
let township: string;
let person: Awaited<ReturnType<typeof addLedgerPerson>>;
let review: { id: string; version: number };

beforeAll(async () => {
  world = await createTestWorld({ today: '2026-09-30' });
  admin = await world.login('admin');
  reviewer = await world.login('reviewer');
  township = await world.login('towna');
  person = await addLedgerPerson(world, township, world.townshipA.villageCode, { name: '联审甲', education: 'bachelor', birthDate: '19900315' });
  const candidateId = await nominateForTest(world, township, world.townshipA.villageCode, person.personId);
  review = await driveToJointReview(world, admin, candidateId, world.townshipA.villageCode, world.townshipA.code);
});
afterAll(async () => world.close());

describe('joint-review inbox', () => {
  it('shows the send date and the deadline of 5 working days, overdue once past', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/joint-reviews', headers: { cookie: reviewer } });
    expect(response.statusCode).toBe(200);
    expect(response.json().workingDays).toBe(5);
    // Sent on Tuesday 2026-08-18: Wednesday 19th is the first of the five working days, Tuesday 25th the last.
    expect(response.json().reviews).toEqual([expect.objectContaining({ id: review.id, sentOn: '2026-08-18', deadline: '2026-08-25', isOverdue: true, status: 'pending' })]);
  });

  it('reveals the candidate’s full ID number to the department it was sent to, and records the reveal', async () => {
    const response = await world.app.inject({ method: 'POST', url: `/api/joint-reviews/${review.id}/reveal`, headers: { cookie: reviewer } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ idNumber: person.idNumber });
    const event = await world.database.db.selectFrom('audit_event').select(['action', 'entity_id', 'summary', 'org_code', 'after'])
      .where('action', '=', 'person.reveal').where('entity_id', '=', person.personId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ org_code: world.townshipA.villageCode, summary: expect.stringContaining('纪检监察机关为联审查看了 联审甲') });
    expect(JSON.stringify(event)).not.toContain(person.idNumber);
  });

  it('refuses the reveal to anyone else, in Chinese', async () => {
    const refused = await world.app.inject({ method: 'POST', url: `/api/joint-reviews/${review.id}/reveal`, headers: { cookie: township } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('联审部门');
    const unknown = await world.app.inject({ method: 'POST', url: '/api/joint-reviews/00000000-0000-4000-8000-000000000000/reveal', headers: { cookie: reviewer } });
    expect(unknown.statusCode).toBe(404);
  });
});
