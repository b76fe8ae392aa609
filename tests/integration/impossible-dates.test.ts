import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEvents, createTestWorld, type TestWorld } from '../helpers/test-app.ts';
import { findFields, readApiDocument, sampleValue, samplePathValue, setAt, urlOf, type ApiDocument, type JsonSchema, type SampleValues } from '../helpers/openapi.ts';

/**
 * Sends an impossible date in every date field of every route of the OpenAPI document — body
 * fields at any depth and query parameters — and expects 400 naming that field, never a 500.
 * Also holds every field that looks like a date to the one date type.
 */

let world: TestWorld;
let cookie: string;
let api: ApiDocument;
let samples: SampleValues;
beforeAll(async () => {
  world = await createTestWorld();
  cookie = await world.login('admin');
  api = await readApiDocument(world.app);
  samples = { orgCode: world.townshipA.villageCode };
});
afterAll(async () => world.close());

const DATE_FORMATS = new Set(['date', 'year-month-or-date']);
const isDateField = (schema: JsonSchema) => schema.format !== undefined && DATE_FORMATS.has(schema.format);
/** Names that say a field holds a date. */
const DATE_NAME = /(Date|On|^from|^to)$/;
/** A date field by its declared format, or by its name (so that an undeclared one is walked too). */
const isDateLike = (schema: JsonSchema, name: string | undefined) => isDateField(schema) || (name !== undefined && DATE_NAME.test(name) && schema.type === 'string');

const IMPOSSIBLE = [
  { value: '2026-02-30', message: /日期不存在/ },
  { value: '2025-02-29', message: /日期不存在/ },
  { value: '2026-04-31', message: /日期不存在/ },
  { value: '2026-13-01', message: /日期不存在/ },
  { value: '0000-01-01', message: /年份应在 1900 至 2100 年之间/ },
];

describe('impossible dates in every date field of every route', () => {
  it('declares every date-named input field as a date', () => {
    const undeclared: string[] = [];
    for (const operation of api.operations) {
      for (const parameter of operation.parameters.filter((item) => item.in === 'query' && DATE_NAME.test(item.name))) {
        if (!isDateField(api.resolve(parameter.schema))) undeclared.push(`${operation.method} ${operation.path} query.${parameter.name}`);
      }
      if (!operation.body) continue;
      for (const field of findFields(api, operation.body, (schema, name) => name !== undefined && DATE_NAME.test(name) && schema.type === 'string')) {
        if (!isDateField(field.schema)) undeclared.push(`${operation.method} ${operation.path} body.${field.path.join('.')}`);
      }
    }
    expect(undeclared, 'date fields that do not use ZDate or ZTypedDate of src/server/schemas.ts').toEqual([]);
  });

  it('answers 400 naming the field, for each impossible date, and changes nothing', async () => {
    const auditBefore = await countAuditEvents(world.database);
    const failures: string[] = [];
    let sent = 0;
    const fieldsSeen = new Set<string>();
    for (const operation of api.operations) {
      const pathValue = (parameter: Parameters<typeof samplePathValue>[1]) => samplePathValue(api, parameter, samples);
      const requiredQuery = Object.fromEntries(operation.parameters.filter((item) => item.in === 'query' && item.required).map((item) => [item.name, String(sampleValue(api, item.schema, samples))]));
      const targets: { where: string; build: (value: string) => { url: string; payload?: object } }[] = [];
      for (const parameter of operation.parameters.filter((item) => item.in === 'query' && isDateLike(api.resolve(item.schema), item.name))) {
        targets.push({ where: `query.${parameter.name}`, build: (value) => ({ url: urlOf(operation, pathValue, { ...requiredQuery, [parameter.name]: value }) }) });
      }
      if (operation.body) {
        for (const field of findFields(api, operation.body, isDateLike)) {
          targets.push({
            where: ['body', ...field.path].join('.'),
            build: (value) => ({ url: urlOf(operation, pathValue, requiredQuery), payload: setAt(sampleValue(api, operation.body!, samples) as Record<string, unknown>, field.path, value) }),
          });
        }
      }
      for (const target of targets) {
        fieldsSeen.add(`${operation.method} ${operation.path} ${target.where}`);
        for (const impossible of IMPOSSIBLE) {
          const request = target.build(impossible.value);
          sent += 1;
          const response = await world.app.inject({ method: operation.method, url: request.url, headers: { cookie }, ...(request.payload && { payload: request.payload }) });
          const label = `${operation.method} ${request.url} ${target.where}=${impossible.value}`;
          if (response.statusCode !== 400) {
            failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
            continue;
          }
          const fieldErrors = (response.json() as { fieldErrors?: { path: string; message: string }[] }).fieldErrors ?? [];
          const own = fieldErrors.find((fieldError) => fieldError.path === target.where);
          if (!own || !impossible.message.test(own.message)) failures.push(`${label} → 400 without the date's own error: ${JSON.stringify(fieldErrors).slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The date fields of the procedure, cultivation, ledger, people and audit routes are all reached.
    expect(fieldsSeen.size).toBeGreaterThan(40);
    expect(sent).toBe(fieldsSeen.size * IMPOSSIBLE.length);
    expect(await countAuditEvents(world.database)).toBe(auditBefore);
  });
});
