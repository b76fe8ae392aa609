import type { App } from '../../src/server/types.ts';

/**
 * The OpenAPI document of the app, read as tests walk it: every operation with its parameters
 * and JSON body schema, `$ref`s resolved, and plausible values for each schema.
 */

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  /** OpenAPI 3.0's way of allowing null beside the type. */
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  examples?: unknown[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: Method;
  /** The path as the document writes it: /api/users/{id}. */
  path: string;
  parameters: Parameter[];
  /** The JSON body schema, when the operation takes one. */
  body: JsonSchema | undefined;
  isPublic: boolean;
}

interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: unknown[] }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ApiDocument {
  operations: Operation[];
  /** The schema itself, its `$ref` followed. */
  resolve(schema: JsonSchema): JsonSchema;
}

export async function readApiDocument(app: App): Promise<ApiDocument> {
  const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    for (let depth = 0; current.$ref && depth < 10; depth += 1) {
      const name = current.$ref.replace('#/components/schemas/', '');
      const target = components[name];
      if (!target) throw new Error(`unresolved ${current.$ref}`);
      current = target;
    }
    return current;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase() as Method,
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
      isPublic: Array.isArray(operation.security) && operation.security.length === 0,
    })),
  );
  return { operations, resolve };
}

/** The alternatives of a schema that is one of several (nullable fields are anyOf [x, null]). */
export function alternativesOf(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [schema];
}

/** The path of a field inside a body: property names and array indexes. */
export type FieldPath = (string | number)[];

/** Every place in a schema where a value of a given kind sits, with the path to reach it. */
export function findFields(api: ApiDocument, schema: JsonSchema, isWanted: (schema: JsonSchema, name: string | undefined) => boolean): { path: FieldPath; schema: JsonSchema }[] {
  const found: { path: FieldPath; schema: JsonSchema }[] = [];
  const visit = (current: JsonSchema, path: FieldPath, name: string | undefined, depth: number) => {
    if (depth > 8) return;
    const resolved = api.resolve(current);
    for (const alternative of alternativesOf(resolved).map((item) => api.resolve(item))) {
      if (isWanted(alternative, name)) {
        found.push({ path, schema: alternative });
        continue;
      }
      for (const [key, property] of Object.entries(alternative.properties ?? {})) visit(property, [...path, key], key, depth + 1);
      if (alternative.items) visit(alternative.items, [...path, 0], name, depth + 1);
    }
  };
  visit(schema, [], undefined, 0);
  return found;
}

/** Sets a value at a path, creating the objects and arrays on the way. */
export function setAt(target: Record<string, unknown>, path: FieldPath, value: unknown): Record<string, unknown> {
  if (path.length === 0) return target;
  let cursor: Record<string | number, unknown> = target;
  path.forEach((key, index) => {
    if (index === path.length - 1) {
      cursor[key] = value;
      return;
    }
    const next = path[index + 1];
    if (typeof cursor[key] !== 'object' || cursor[key] === null) cursor[key] = typeof next === 'number' ? [] : {};
    cursor = cursor[key] as Record<string | number, unknown>;
  });
  return target;
}

/** A well-formed UUID of no record. */
export const UNKNOWN_UUID = '3f1c0c2e-5b7a-4d2e-9c1a-000000000000';

export interface SampleValues {
  /** An org unit code the caller may use. */
  orgCode: string;
}

/** A value that fits the schema, as far as the schema tells (required properties only). */
export function sampleValue(api: ApiDocument, schema: JsonSchema, samples: SampleValues, depth = 0): unknown {
  const resolved = api.resolve(schema);
  if (depth > 8) return null;
  const alternative = alternativesOf(resolved).map((item) => api.resolve(item)).find((item) => item.type !== 'null') ?? resolved;
  if (alternative.const !== undefined) return alternative.const;
  if (alternative.enum) return alternative.enum[0];
  if (alternative.examples?.length) return alternative.examples[0];
  if (alternative.default !== undefined) return alternative.default;
  const type = Array.isArray(alternative.type) ? alternative.type.find((item) => item !== 'null') : alternative.type;
  switch (type) {
    case 'string': {
      if (alternative.format === 'uuid') return UNKNOWN_UUID;
      if (alternative.format === 'date') return '2026-03-15';
      if (alternative.pattern?.startsWith('^\\d{12}')) return samples.orgCode;
      if (alternative.pattern?.startsWith('^\\d{6}')) return samples.orgCode.slice(0, 6);
      return '样例'.padEnd(Math.max(2, alternative.minLength ?? 0), '例').slice(0, alternative.maxLength ?? 100);
    }
    case 'integer':
    case 'number':
      return alternative.minimum ?? (alternative.exclusiveMinimum !== undefined ? alternative.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: alternative.minItems ?? 0 }, () => sampleValue(api, alternative.items ?? {}, samples, depth + 1));
    case 'object':
    default: {
      const body: Record<string, unknown> = {};
      for (const key of alternative.required ?? []) body[key] = sampleValue(api, alternative.properties?.[key] ?? {}, samples, depth + 1);
      return body;
    }
  }
}

/** The operation's URL with its path parameters filled and the query given. */
export function urlOf(operation: Operation, pathValues: (parameter: Parameter) => string, query: Record<string, string> = {}): string {
  let url = operation.path;
  for (const parameter of operation.parameters.filter((item) => item.in === 'path')) url = url.replace(`{${parameter.name}}`, encodeURIComponent(pathValues(parameter)));
  const search = new URLSearchParams(query).toString();
  return search ? `${url}?${search}` : url;
}

/** A path parameter's plausible value: a unit code, a fresh UUID, the first enum value, a year. */
export function samplePathValue(api: ApiDocument, parameter: Parameter, samples: SampleValues): string {
  return String(sampleValue(api, parameter.schema, samples));
}
