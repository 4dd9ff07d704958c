/**
 * Checking requests and responses of the API mock against GitHub's official
 * OpenAPI description (@octokit/openapi, api.github.com), so the mock cannot
 * drift into shapes GitHub never sends or accepts.
 */

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

const SPEC_ID = 'api.github.com';

let ajv: Ajv | undefined;
let spec: OpenApi | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * OpenAPI 3.0 allows null through `nullable: true`, which Ajv honours except
 * in `enum`: there null must be listed, as JSON Schema (and OpenAPI 3.1) does.
 */
function allowNullInEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowNullInEnums);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  Object.values(schema).forEach(allowNullInEnums);
}

function load(): { ajv: Ajv; spec: OpenApi } {
  if (!ajv || !spec) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    spec = structuredClone(require('@octokit/openapi/generated/api.github.com.json')) as OpenApi;
    allowNullInEnums(spec);
    // OpenAPI 3.0 schemas use `nullable` and annotation keywords Ajv does not know; strict mode would reject them.
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(ajv);
    ajv.addSchema(spec as object, SPEC_ID);
  }
  return { ajv, spec };
}

function pointerPart(text: string): string {
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Finds the description's path template for a concrete path, such as `/repos/{owner}/{repo}/check-runs` for `/repos/o/r/check-runs`. */
export function matchPath(method: string, path: string): string | undefined {
  const { spec: description } = load();
  const parts = path.split('/');
  for (const template of Object.keys(description.paths)) {
    if (!description.paths[template][method.toLowerCase()]) continue;
    const templateParts = template.split('/');
    if (templateParts.length !== parts.length) continue;
    if (templateParts.every((part, i) => (part.startsWith('{') && part.endsWith('}') ? parts[i] !== '' : part === parts[i]))) return template;
  }
  return undefined;
}

function validator(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = load().ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message}`)
    .join('; ');
}

/** Returns problems with a request body, or [] when the description accepts it. */
export function checkRequest(method: string, template: string, body: unknown): string[] {
  const operation = load().spec.paths[template][method.toLowerCase()];
  if (!operation.requestBody) return body === undefined ? [] : [`${method} ${template} takes no body`];
  const pointer = `/paths/${pointerPart(template)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
  const validate = validator(pointer);
  return validate(body) ? [] : [`request ${method} ${template}: ${describe(validate)}`];
}

/** Returns problems with a response body for a status, or [] when the description accepts it. */
export function checkResponse(method: string, template: string, status: number, body: unknown): string[] {
  const operation = load().spec.paths[template][method.toLowerCase()];
  const response = operation.responses?.[String(status)];
  if (!response) return [`${method} ${template} has no ${status} response in the description`];
  if (!response.content?.['application/json']) return [];
  const pointer = `/paths/${pointerPart(template)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const validate = validator(pointer);
  return validate(body) ? [] : [`response ${status} to ${method} ${template}: ${describe(validate)}`];
}
