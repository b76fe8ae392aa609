import { base, Faker } from '@faker-js/faker';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import { alternativesOf, findFields, sampleValue, setAt, urlOf, type ApiDocument, type FieldPath, type JsonSchema, type Method, type Operation, type Parameter, type SampleValues } from './openapi.ts';

/**
 * Bad requests generated from the OpenAPI document: wrong types, missing and extra fields, huge and
 * deeply nested bodies, NUL and lone surrogates, bad UUIDs and paths, wrong content types. Every
 * request is wrong by construction (a server that accepted one would change data, which the fuzz
 * test forbids). A seed makes a run repeatable.
 */

export interface FuzzRequest {
  kind: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** Repeatable pseudo-random numbers in [0, 1) for a seed (faker's generator). */
export function seededRandom(seed: number): () => number {
  const generator = new Faker({ locale: [base] });
  generator.seed(seed);
  return () => generator.number.float({ min: 0, max: 1 - Number.EPSILON });
}

const JSON_TYPE = 'application/json';
const BAD_STRINGS = ['a\u0000b', '\u0000', 'x\uD800', '\uDFFFy', 'a\u202Eb', '\u2066隔离\u2069', 'a\u0007b', '\u001B[31m红'];
const BAD_QUERY_TEXT = ['%00', 'a%00b', '%E2%80%AE', '%07', '%1B', 'a%0Ab'];
const PATH_JUNK = ['not-a-uuid', '%00', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', '%ZZ', '-1', '1e309', "'%20OR%201=1--", 'x'.repeat(3000), '%F0%9F%98%80', '00000000-0000-0000-0000-00000000000g', '%u0000'];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const UPLOAD_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** The JSON types a schema allows ('integer' for whole numbers only). */
function allowedTypes(api: ApiDocument, schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const alternative of alternativesOf(api.resolve(schema)).map((item) => api.resolve(item))) {
    if (alternative.enum) for (const value of alternative.enum) types.add(value === null ? 'null' : typeof value);
    if (alternative.const !== undefined) types.add(alternative.const === null ? 'null' : typeof alternative.const);
    for (const type of [alternative.type ?? []].flat()) types.add(type);
    if (alternative.nullable === true) types.add('null');
    if (!alternative.type && !alternative.enum && alternative.const === undefined) types.add('any');
  }
  return types;
}

/** A value whose JSON type the schema does not allow, or undefined when it allows anything. */
function wrongTypeValue(api: ApiDocument, schema: JsonSchema, random: () => number): unknown {
  const types = allowedTypes(api, schema);
  if (types.has('any')) return undefined;
  const candidates: [string, unknown][] = [['string', '错误类型'], ['number', 1.5], ['integer', 12345678901234567890], ['boolean', true], ['array', [1, 'x', null]], ['object', { unexpected: true }], ['null', null]];
  const wrong = candidates.filter(([type, value]) => {
    if (type === 'integer') return !types.has('integer') && !types.has('number');
    if (type === 'number') return !types.has('number') && !(types.has('integer') && Number.isInteger(value));
    return !types.has(type);
  });
  if (wrong.length === 0) return undefined;
  return wrong[Math.floor(random() * wrong.length)]![1];
}

/** A string of nested objects `depth` deep, as JSON text. */
function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

export interface FuzzPlan {
  operations: Operation[];
  api: ApiDocument;
  samples: SampleValues;
  /** Session cookies of the roles to fuzz as; '' for no session. */
  cookies: string[];
  /** Path parameter values of records that exist, by parameter name. */
  knownIds: string[];
}

/** Operations whose side effect does not depend on the request's validity (logging out ends the session). */
const SKIPPED_WITH_SESSION = new Set(['POST /api/auth/logout']);

/** Generates `count` bad requests from the document, the same ones for the same seed. */
export function* generateRequests(plan: FuzzPlan, seed: number, count: number): Generator<FuzzRequest> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
  const methodsOfPath = new Map<string, Set<Method>>();
  for (const operation of plan.operations) methodsOfPath.set(operation.path, new Set([...(methodsOfPath.get(operation.path) ?? []), operation.method]));
  const prepared = plan.operations.map((operation) => ({
    operation,
    freeText: operation.body ? findFields(plan.api, operation.body, (schema) => schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern) : [],
    limitedText: operation.body ? findFields(plan.api, operation.body, (schema) => schema.type === 'string' && schema.maxLength !== undefined) : [],
    limitedArrays: operation.body ? findFields(plan.api, operation.body, (schema) => schema.type === 'array' && schema.maxItems !== undefined) : [],
    scalars: operation.body ? findFields(plan.api, operation.body, (schema) => ['string', 'number', 'integer', 'boolean'].includes([schema.type].flat()[0] ?? '') || schema.enum !== undefined) : [],
    allFields: operation.body ? findFields(plan.api, operation.body, (_schema, name) => name !== undefined) : [],
    strictObjects: operation.body ? findFields(plan.api, operation.body, (schema) => schema.type === 'object' && schema.additionalProperties === false) : [],
    required: operation.body ? requiredPaths(plan.api, operation.body) : [],
  }));
  const pathValue = (parameter: Parameter) => (plan.api.resolve(parameter.schema).format === 'uuid' && plan.knownIds.length > 0 && random() < 0.7 ? pick(plan.knownIds) : String(sampleValue(plan.api, parameter.schema, plan.samples)));

  for (let index = 0; index < count; index += 1) {
    const entry = pick(prepared);
    const { operation } = entry;
    const cookie = SKIPPED_WITH_SESSION.has(`${operation.method} ${operation.path}`) ? '' : pick(plan.cookies);
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const query = Object.fromEntries(operation.parameters.filter((item) => item.in === 'query' && item.required).map((item) => [item.name, String(sampleValue(plan.api, item.schema, plan.samples))]));
    const url = () => urlOf(operation, pathValue, query);
    const body = () => (operation.body ? (sampleValue(plan.api, operation.body, plan.samples) as Record<string, unknown>) : undefined);

    const kinds: string[] = ['badPath', 'wrongMethod'];
    if (operation.parameters.some((item) => item.in === 'path')) kinds.push('badPathParameter', 'badPathParameter');
    if (operation.parameters.some((item) => item.in === 'query')) kinds.push('badQuery', 'badQuery');
    if (operation.parameters.some((item) => item.in === 'query' && item.required)) kinds.push('missingQuery');
    if (operation.body) {
      kinds.push('wrongRoot', 'invalidJson', 'wrongContentType', 'protoKeys', 'wrongType', 'wrongType', 'wrongType');
      if (entry.required.length > 0) kinds.push('missingField', 'missingField');
      if (entry.strictObjects.length > 0) kinds.push('extraField');
      if (entry.freeText.length > 0) kinds.push('badText', 'badText', 'badText');
      if (entry.limitedText.length > 0) kinds.push('tooLong');
      if (entry.limitedArrays.length > 0) kinds.push('tooMany');
      if (entry.scalars.length > 0) kinds.push('deepNesting');
      if (random() < 0.01) kinds.push('hugeBody');
    } else if (operation.method !== 'GET' && operation.method !== 'DELETE' && operation.path.includes('import')) {
      kinds.push('garbageUpload');
    }
    const kind = pick(kinds);
    const json = (payload: unknown, raw?: string): FuzzRequest => ({ kind, method: operation.method, url: url(), headers: { ...headers, 'content-type': JSON_TYPE }, payload: raw ?? JSON.stringify(payload) });

    switch (kind) {
      case 'badPath': {
        const base = url().split('?')[0]!;
        const junk = pick(PATH_JUNK);
        const variants = [`${base}/${junk}`, `${base}${junk}`, `/api//${base.slice(5)}`, `${base}/..%2F..%2F`, `/api/${junk}`];
        yield { kind, method: operation.method, url: pick(variants), headers };
        break;
      }
      case 'wrongMethod': {
        const unused = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as Method[]).filter((method) => !methodsOfPath.get(operation.path)!.has(method));
        yield { kind, method: pick(unused), url: url(), headers: { ...headers, 'content-type': JSON_TYPE }, payload: '{}' };
        break;
      }
      case 'badPathParameter': {
        const parameters = operation.parameters.filter((item) => item.in === 'path');
        const chosen = pick(parameters);
        let path = operation.path;
        for (const parameter of parameters) path = path.replace(`{${parameter.name}}`, parameter === chosen ? pick(PATH_JUNK) : encodeURIComponent(pathValue(parameter)));
        const search = new URLSearchParams(query).toString();
        yield { kind, method: operation.method, url: search ? `${path}?${search}` : path, headers: operation.body ? { ...headers, 'content-type': JSON_TYPE } : headers, ...(operation.body && { payload: JSON.stringify(body()) }) };
        break;
      }
      case 'badQuery':
      case 'missingQuery': {
        const parameters = operation.parameters.filter((item) => item.in === 'query');
        const chosen = kind === 'missingQuery' ? pick(parameters.filter((item) => item.required)) : pick(parameters);
        const values = Object.entries(query).filter(([name]) => name !== chosen.name).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
        if (kind === 'badQuery') values.push(`${encodeURIComponent(chosen.name)}=${badQueryValue(plan.api.resolve(chosen.schema), pick, random)}`);
        const base = urlOf(operation, pathValue);
        yield { kind, method: operation.method, url: `${base}?${values.join('&')}`, headers: operation.body ? { ...headers, 'content-type': JSON_TYPE } : headers, ...(operation.body && { payload: JSON.stringify(body()) }) };
        break;
      }
      case 'wrongRoot':
        yield json(pick([[], [body()], 'text', 42, true, null]));
        break;
      case 'invalidJson': {
        const text = JSON.stringify(body());
        yield json(undefined, pick([text.slice(0, Math.max(1, Math.floor(text.length / 2))), `${text},`, text.replace('{', '{,'), "{'single': 'quotes'}", '', '\u0000', '{"a":1}{"b":2}', 'NaN']));
        break;
      }
      case 'wrongContentType':
        yield { kind, method: operation.method, url: url(), headers: { ...headers, 'content-type': pick(WRONG_CONTENT_TYPES) }, payload: pick([JSON.stringify(body()), 'a=1&b=2', '<xml/>', bytes(64).toString('latin1')]) };
        break;
      case 'protoKeys':
        yield json(undefined, JSON.stringify(body()).replace(/^\{/, pick(['{"__proto__":{"isAdmin":true},', '{"constructor":{"prototype":{"isAdmin":true}},'])));
        break;
      case 'wrongType': {
        const candidates = entry.allFields.map((field) => ({ field, value: wrongTypeValue(plan.api, field.schema, random) })).filter((item) => item.value !== undefined);
        if (candidates.length === 0) {
          yield json([body()]);
          break;
        }
        const { field, value } = pick(candidates);
        yield json(setAt(body()!, field.path, value));
        break;
      }
      case 'missingField': {
        const path = pick(entry.required);
        const payload = body()!;
        removeAt(payload, path);
        yield json(payload);
        break;
      }
      case 'extraField': {
        const target = pick(entry.strictObjects);
        const payload = body()!;
        const key = pick(['unexpected', 'isAdmin', 'id', 'version2', '\u0000', 'a\uD800', '$where', 'org_code']);
        setAt(payload, [...target.path, key], pick(['x', 1, null, { nested: true }]));
        yield json(payload);
        break;
      }
      case 'badText': {
        const field = pick(entry.freeText);
        yield json(setAt(body()!, field.path, `${pick(['', '张三', 'ok '])}${pick(BAD_STRINGS)}`));
        break;
      }
      case 'tooLong': {
        const field = pick(entry.limitedText);
        yield json(setAt(body()!, field.path, '长'.repeat((field.schema.maxLength ?? 0) + 1 + Math.floor(random() * 2000))));
        break;
      }
      case 'tooMany': {
        const field = pick(entry.limitedArrays);
        const item = sampleValue(plan.api, field.schema.items ?? {}, plan.samples);
        yield json(setAt(body()!, field.path, Array.from({ length: (field.schema.maxItems ?? 0) + 1 + Math.floor(random() * 500) }, () => item)));
        break;
      }
      case 'deepNesting': {
        const field = pick(entry.scalars);
        const text = JSON.stringify(setAt(body()!, field.path, '__DEEP__'));
        yield json(undefined, text.replace('"__DEEP__"', deeplyNested(500 + Math.floor(random() * 4000))));
        break;
      }
      case 'hugeBody': {
        // Over the 1 MB limit of JSON bodies, in a field or beside the others.
        const field = entry.allFields.length > 0 ? pick(entry.allFields) : undefined;
        yield json(setAt(body()!, field?.path ?? ['huge'], 'x'.repeat(pick([1_100_000, 3_000_000]))));
        break;
      }
      case 'garbageUpload':
        yield { kind, method: operation.method, url: url(), headers: { ...headers, 'content-type': pick(UPLOAD_TYPES) }, payload: pick([bytes(1 + Math.floor(random() * 4096)), Buffer.from('PK\u0003\u0004garbage'), Buffer.alloc(0)]) };
        break;
      default:
        throw new Error(`unknown kind ${kind}`);
    }
  }
}

/** A query value its schema refuses. */
function badQueryValue(schema: JsonSchema, pick: <T>(items: readonly T[]) => T, random: () => number): string {
  const alternative = alternativesOf(schema).find((item) => item.type !== 'null') ?? schema;
  if (alternative.enum) return pick(['zzz', '%00', 'TRUE', '']).concat(random() < 0.5 ? '' : 'x');
  if (alternative.type === 'integer' || alternative.type === 'number') return pick(['abc', '-1', '1e309', '99999999999999999999', '1.5', '%00', 'NaN']);
  if (alternative.format === 'uuid') return pick(['nope', '%00', '1', "'%20OR%201=1"]);
  if (alternative.format === 'date') return pick(['2026-02-30', '2025-02-29', '0000-01-01', '2026-13-01', '26-1-1', '%00']);
  if (alternative.pattern) return pick(['x', '%00', '1'.repeat(40), '..%2F']);
  return alternative.maxLength !== undefined && random() < 0.3 ? 'x'.repeat(alternative.maxLength + 1) : pick(BAD_QUERY_TEXT);
}

/** The paths of required properties, at any depth of objects that are themselves always present. */
function requiredPaths(api: ApiDocument, schema: JsonSchema, prefix: FieldPath = [], depth = 0): FieldPath[] {
  const resolved = api.resolve(schema);
  if (depth > 6 || resolved.type !== 'object') return [];
  return (resolved.required ?? []).flatMap((key) => [[...prefix, key], ...requiredPaths(api, resolved.properties?.[key] ?? {}, [...prefix, key], depth + 1)]);
}

function removeAt(target: Record<string, unknown>, path: FieldPath): void {
  let cursor: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    if (typeof cursor[key] !== 'object' || cursor[key] === null) return;
    cursor = cursor[key] as Record<string | number, unknown>;
  }
  delete cursor[path.at(-1)!];
}

/** Tables of authentication bookkeeping, which a refused request may touch (sessions, throttles, login log). */
const BOOKKEEPING_TABLES = new Set(['user_session', 'login_throttle', 'login_event', 'schema_migration', 'schema_migrations']);

/** A checksum of every business table's rows, by table. */
export async function checksumBusinessTables(database: Database): Promise<Record<string, string>> {
  const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(database.db);
  const sums: Record<string, string> = {};
  for (const { table_name: table } of tables.rows) {
    if (BOOKKEEPING_TABLES.has(table)) continue;
    const result = await sql<{ rows: number; sum: string | null }>`SELECT count(*)::int AS rows, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS sum FROM ${sql.table(table)} AS t`.execute(database.db);
    sums[table] = `${result.rows[0]!.rows}:${result.rows[0]!.sum ?? ''}`;
  }
  return sums;
}
