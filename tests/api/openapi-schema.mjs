// Validates JSON values against the schemas of src/http/openapi.json with Ajv.
//
// OpenAPI 3.0 schema objects are a dialect of JSON Schema; they are translated once into JSON
// Schema 2019-09 for Ajv:
//   - `$ref: #/components/schemas/X` points at the translated component;
//   - `nullable: true` (always next to `type`, the lint checks that) is Ajv's own OpenAPI keyword;
//   - `example` and `x-…` extensions are dropped (annotations Ajv does not know);
//   - objects are closed: a schema with `properties` or `allOf` and no `additionalProperties`
//     gets `unevaluatedProperties: false`, so an undocumented field in a response is an error.
//     Every component is also compiled "open" (without that), and `allOf`
//     parts refer to the open form: the composite, not each part, rejects unknown fields.
//   - `format`s (date, date-time, int64, email, uri, …) are checked by ajv-formats.
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const SCHEMA_REF = '#/components/schemas/';
const DOC_ID = 'https://shido.invalid/openapi.json';
const defRef = (name, open) => `${DOC_ID}#/$defs/${encodeURIComponent(name)}${open ? '__open' : ''}`;

function translate(schema, { open = false } = {}) {
  if (Array.isArray(schema)) return schema.map((s) => translate(s));
  if (!schema || typeof schema !== 'object') return schema;
  if (schema.$ref) {
    if (!schema.$ref.startsWith(SCHEMA_REF)) throw new Error(`unsupported $ref ${schema.$ref}`);
    // A sibling of $ref (only `description` is usual) is ignored, as OpenAPI 3.0 says.
    return { $ref: defRef(schema.$ref.slice(SCHEMA_REF.length), open) };
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key.startsWith('x-')) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v)]));
    else if (key === 'allOf') out.allOf = value.map((part) => translate(part, { open: true }));
    else if (key === 'anyOf' || key === 'oneOf') out[key] = value.map((s) => translate(s));
    else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = translate(value);
    else out[key] = value;
  }
  const objectLike = out.properties || out.allOf;
  if (!open && objectLike && out.additionalProperties === undefined) out.unevaluatedProperties = false;
  return out;
}

// Returns validate(schema, value) → [] or a list of readable error lines. `schema` is any schema
// object of the document (a $ref, an inline response schema, …).
export function schemaValidator(doc) {
  const ajv = new Ajv2019({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  const $defs = {};
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    $defs[name] = translate(schema);
    $defs[`${name}__open`] = translate(schema, { open: true });
  }
  ajv.addSchema({ $id: DOC_ID, $defs });
  const cache = new Map();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    let check = cache.get(key);
    if (!check) cache.set(key, check = ajv.compile(translate(schema)));
    if (check(value)) return [];
    return check.errors.map((e) => {
      const where = `$${e.instancePath.replace(/\//g, '.')}`;
      const extra = e.params?.unevaluatedProperty ?? e.params?.additionalProperty ?? e.params?.missingProperty;
      return `${where}: ${e.message}${extra !== undefined && !e.message.includes(extra) ? ` (${extra})` : ''} [${e.schemaPath}]`;
    });
  };
}

// The documented operation a request goes to: the path template of `doc` that matches the URL's
// path (literal segments win over parameters), or undefined.
export function operationOf(doc, method, url) {
  const pathname = new URL(url, 'http://x').pathname;
  let best;
  for (const template of Object.keys(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!pattern.test(pathname)) continue;
    const params = (template.match(/\{/g) ?? []).length;
    if (!best || params < best.params) best = { template, params };
  }
  const op = best && doc.paths[best.template][method.toLowerCase()];
  return op ? { template: best.template, op } : undefined;
}

// Makes every answer `client` gets checked against the document: the status is documented for
// the operation and a JSON body fits its schema. Throws (an assertion error) otherwise.
export function conformingClient(doc, client) {
  const validate = schemaValidator(doc);
  const request = client.request.bind(client);
  client.request = async (method, url, options) => {
    const res = await request(method, url, options);
    const found = operationOf(doc, method, url);
    if (!found) throw new Error(`${method} ${url} is not documented`);
    let response = found.op.responses[String(res.status)];
    if (!response) throw new Error(`${method} ${found.template} answered ${res.status}, which is not documented: ${res.text.slice(0, 300)}`);
    while (response.$ref) {
      let v = doc;
      for (const part of response.$ref.replace(/^#\//, '').split('/')) v = v?.[part];
      response = v;
    }
    const schema = response.content?.['application/json']?.schema;
    if (schema && res.status !== 204) {
      const errors = validate(schema, res.data);
      if (errors.length) throw new Error(`${method} ${url} → ${res.status} does not fit the schema:\n${errors.join('\n')}\n${res.text.slice(0, 500)}`);
    }
    return res;
  };
  return client;
}
