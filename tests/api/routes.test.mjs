// The route table (`shido routes`) against the running server and the OpenAPI document:
// every route has an access rule, is enforced as declared, and is documented.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, assertError, fillPath, openapiDocument, shidoPolicy, shidoRoutes, startServer } from './server.mjs';

const ACCESS = new Set(['public', 'authenticated', 'secretariat', 'engagement']);
const ANCHORS = new Set(['engagement', 'diagnosis_round', 'respondent', 'company']);
const changesState = (method) => method !== 'GET';
// Served outside the route table (server.cpp registers them directly).
const OPS_PATHS = ['/healthz', '/livez', '/metrics', '/api/openapi.json'];

describe('route table', () => {
  let server, routes, openapi, policy;

  before(async () => {
    [server, routes, openapi, policy] = await Promise.all([startServer(), shidoRoutes(), openapiDocument(), shidoPolicy()]);
  });
  after(() => server?.stop());

  test('shido routes prints a non-empty list of unique API routes', () => {
    assert.ok(Array.isArray(routes) && routes.length >= 10, 'route table looks empty');
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    assert.equal(new Set(keys).size, keys.length, 'duplicate routes');
    for (const r of routes) {
      assert.match(r.method, /^(GET|POST|PUT|PATCH|DELETE)$/, JSON.stringify(r));
      assert.match(r.path, /^\/api\/v1\//, JSON.stringify(r));
    }
  });

  test('every route has a declared access rule (public, authenticated, secretariat or engagement)', () => {
    for (const r of routes) {
      assert.ok(ACCESS.has(r.access), `${r.method} ${r.path} has access ${JSON.stringify(r.access)}`);
      if (r.access === 'engagement') {
        // Which record the path names, which action on its engagement, and the parameter.
        assert.ok(ANCHORS.has(r.anchor), `${r.method} ${r.path}: anchor ${JSON.stringify(r.anchor)}`);
        assert.ok(policy.actions.includes(r.action), `${r.method} ${r.path}: action ${JSON.stringify(r.action)}`);
        assert.ok(r.path.includes(`{${r.param}}`), `${r.method} ${r.path}: param ${JSON.stringify(r.param)} not in the path`);
      } else {
        assert.deepEqual([r.anchor, r.action, r.param], [undefined, undefined, undefined], `${r.method} ${r.path}: anchor without engagement access`);
      }
    }
    // Every route on a record of an engagement is judged by the policy (or is the
    // secretariat's alone): nothing under /engagements/{id} or /diagnosis/ is merely `authenticated`.
    for (const r of routes.filter((x) => /^\/api\/v1\/(engagements\/\{|diagnosis\/)/.test(x.path)))
      assert.ok(['engagement', 'secretariat'].includes(r.access), `${r.method} ${r.path}: ${r.access}`);
    // Only logging in (both steps) and what the login page says, the links of account mails
    // (invitation, password reset), answering the self-assessment by link, polling a calendar
    // subscription and reading a published basic policy (the token is the credential) are public.
    assert.deepEqual(
      routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`).sort(),
      ['GET /api/v1/answer/{token}', 'GET /api/v1/auth/links/{token}', 'GET /api/v1/auth/sign-in-options',
       'GET /api/v1/calendar-feeds/{token}/calendar.ics', 'GET /api/v1/public/policies/{token}',
       'POST /api/v1/answer/{token}/submit',
       'POST /api/v1/auth/invitations/accept', 'POST /api/v1/auth/login', 'POST /api/v1/auth/login/second-factor',
       'POST /api/v1/auth/password-reset', 'POST /api/v1/auth/password-reset/complete',
       'PUT /api/v1/answer/{token}/items/{item_no}'],
    );
  });

  test('before enrolling a required second factor, a session opens only the enrolment, its sessions and sign-out', () => {
    // Declared on the routes (Route::before_enrolment); every other non-public route answers
    // 403 two_factor_enrolment_required, so it documents a 403.
    const open = routes.filter((r) => r.before_enrolment);
    for (const r of open) assert.notEqual(r.access, 'public', `${r.method} ${r.path}`);
    assert.deepEqual(open.map((r) => `${r.method} ${r.path}`).sort(), [
      'DELETE /api/v1/me/sessions/{session_id}', 'GET /api/v1/auth/me', 'GET /api/v1/me/sessions', 'GET /api/v1/me/two-factor',
      'POST /api/v1/auth/logout', 'POST /api/v1/me/sessions/sign-out-others', 'POST /api/v1/me/two-factor/confirm',
      'POST /api/v1/me/two-factor/disable', 'POST /api/v1/me/two-factor/enrolment', 'POST /api/v1/me/two-factor/recovery-codes',
    ]);
    for (const r of routes.filter((x) => x.access !== 'public' && !x.before_enrolment)) {
      const op = openapi.paths[r.path]?.[r.method.toLowerCase()];
      assert.ok(op?.responses?.['403'], `${r.method} ${r.path}: 403 (two_factor_enrolment_required) not documented`);
    }
    assert.ok(openapi.components.schemas.ErrorCode.enum.includes('two_factor_enrolment_required'));
  });

  test('every route is documented in /api/openapi.json with its method and access rule', () => {
    assert.equal(openapi.openapi, '3.0.3');
    for (const r of routes) {
      const item = openapi.paths?.[r.path];
      assert.ok(item, `path ${r.path} is not in /api/openapi.json`);
      const op = item[r.method.toLowerCase()];
      assert.ok(op, `${r.method} ${r.path} is not in /api/openapi.json`);
      assert.equal(op['x-shido-access'], r.access, `${r.method} ${r.path}: x-shido-access`);
      assert.equal(op['x-shido-anchor'], r.anchor, `${r.method} ${r.path}: x-shido-anchor`);
      assert.equal(op['x-shido-action'], r.action, `${r.method} ${r.path}: x-shido-action`);
      for (const name of r.path.match(/\{([^}]+)\}/g)?.map((p) => p.slice(1, -1)) ?? []) {
        const params = (op.parameters ?? []).concat(item.parameters ?? []).map((p) => resolve(openapi, p));
        assert.ok(params.some((p) => p.in === 'path' && p.name === name && p.required),
          `${r.method} ${r.path}: path parameter ${name} not declared`);
      }
      // Security declared as enforced: public → none; otherwise the session cookie, and the
      // CSRF header on state-changing calls.
      const security = op.security ?? openapi.security ?? [];
      if (r.access === 'public') {
        assert.deepEqual(op.security, [], `${r.method} ${r.path} is public but declares security`);
      } else {
        assert.ok(security.some((s) => 'sessionCookie' in s), `${r.method} ${r.path}: no cookie security`);
        assert.ok(op.responses['401'], `${r.method} ${r.path}: 401 not documented`);
        if (changesState(r.method)) {
          assert.ok(security.every((s) => 'csrfToken' in s), `${r.method} ${r.path}: no CSRF security`);
          const params = (op.parameters ?? []).map((p) => resolve(openapi, p));
          assert.ok(params.some((p) => p.in === 'header' && p.name === 'X-CSRF-Token' && p.required),
            `${r.method} ${r.path}: X-CSRF-Token header not declared`);
          assert.ok(op.responses['403'], `${r.method} ${r.path}: 403 (csrf) not documented`);
        }
      }
      if (r.access === 'secretariat' || r.access === 'engagement') assert.ok(op.responses['403'], `${r.method} ${r.path}: 403 not documented`);
      if (changesState(r.method)) assert.ok(op.responses['413'], `${r.method} ${r.path}: 413 not documented`);
      if (op.requestBody) {
        assert.ok(op.responses['400'], `${r.method} ${r.path}: 400 not documented`);
        assert.ok(op.responses['422'], `${r.method} ${r.path}: 422 not documented`);
      }
      if (r.path.includes('{')) assert.ok(op.responses['404'], `${r.method} ${r.path}: 404 not documented`);
    }
    for (const p of OPS_PATHS)
      assert.ok(openapi.paths?.[p]?.get, `GET ${p} is not documented`);
  });

  test('the document states the access policy the server applies (x-shido-policy = shido policy)', () => {
    const { description, ...documented } = openapi['x-shido-policy'];
    assert.equal(typeof description, 'string');
    assert.deepEqual(documented, policy);
  });

  test('every list is paged the same way: after and limit parameters, a Page answer, 422 for bad parameters', () => {
    const pageOf = (schema) => resolve(openapi, schema)?.allOf?.some((part) => part.$ref === '#/components/schemas/PageInfo');
    const paged = [];
    for (const [p, item] of Object.entries(openapi.paths)) {
      const op = item.get;
      if (!op) continue;
      const refs = (op.parameters ?? []).map((x) => x.$ref);
      const hasPaging = refs.includes('#/components/parameters/After') || refs.includes('#/components/parameters/Limit');
      const answersPage = pageOf(op.responses['200']?.content?.['application/json']?.schema);
      assert.equal(hasPaging, !!answersPage, `GET ${p}: paging parameters and a Page answer go together`);
      if (!hasPaging) continue;
      paged.push(p);
      assert.ok(refs.includes('#/components/parameters/After') && refs.includes('#/components/parameters/Limit'), `GET ${p}: after and limit`);
      assert.ok(op.responses['422'], `GET ${p}: 422 not documented`);
    }
    assert.deepEqual(paged.sort(), ['/api/v1/audit', '/api/v1/companies', '/api/v1/dashboard/engagements', '/api/v1/dashboard/experts', '/api/v1/diagnosis/rounds/{id}/respondents',
      '/api/v1/engagements', '/api/v1/engagements/{id}/record-reads', '/api/v1/notifications', '/api/v1/outbox', '/api/v1/users']);
    const limit = openapi.components.parameters.Limit.schema;
    assert.deepEqual([limit.minimum, limit.maximum, limit.default], [1, 200, 50]);
    assert.deepEqual(openapi.components.schemas.PageInfo.required.sort(), ['next_after', 'total']);
  });

  test('the document describes no API operation the server does not have', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    for (const p of OPS_PATHS) known.add(`GET ${p}`);
    for (const [p, item] of Object.entries(openapi.paths))
      for (const method of Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)))
        assert.ok(known.has(`${method.toUpperCase()} ${p}`), `documented but not served: ${method.toUpperCase()} ${p}`);
  });

  test('the document has the shared components and every $ref resolves', () => {
    const c = openapi.components;
    for (const name of ['User', 'Company', 'Engagement', 'AuditEntry', 'Meta', 'Error', 'Round', 'Respondent',
      'IssuedLink', 'Instrument', 'Result', 'Analysis', 'Finding', 'Comparison', 'AnswerSheet'])
      assert.ok(c.schemas[name], `schema ${name} missing`);
    assert.deepEqual(
      { type: c.securitySchemes.sessionCookie.type, in: c.securitySchemes.sessionCookie.in, name: c.securitySchemes.sessionCookie.name },
      { type: 'apiKey', in: 'cookie', name: 'shido_session' });
    const err = c.schemas.Error.properties.error;
    assert.deepEqual(Object.keys(err.properties).sort(), ['code', 'details', 'fields', 'message']);
    assert.deepEqual(resolve(openapi, err.properties.details.items).required, ['row', 'column', 'message']);
    const refs = [];
    (function walk(v) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === '$ref' ? refs.push(x) : walk(x));
    })(openapi);
    assert.ok(refs.length > 0);
    for (const r of refs) assert.ok(resolve(openapi, { $ref: r }), `unresolved $ref ${r}`);
  });

  test('downloads document their file type and the CSV upload its text/csv body', () => {
    const files = { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.pdf': 'application/pdf', '.ics': 'text/calendar' };
    const downloads = routes.filter((r) => Object.keys(files).some((ext) => r.path.endsWith(ext)));
    assert.ok(downloads.length >= 3, 'expected the xlsx and pdf downloads');
    for (const r of downloads) {
      const type = files[Object.keys(files).find((ext) => r.path.endsWith(ext))];
      const ok = openapi.paths[r.path][r.method.toLowerCase()].responses['200'];
      assert.deepEqual(Object.keys(ok.content), [type], `${r.method} ${r.path}`);
      assert.deepEqual(ok.content[type].schema, { type: 'string', format: 'binary' }, `${r.method} ${r.path}`);
      assert.ok(ok.headers['Content-Disposition'], `${r.method} ${r.path}: Content-Disposition not documented`);
    }
    const upload = openapi.paths['/api/v1/diagnosis/rounds/{id}/import'].post;
    assert.deepEqual(Object.keys(upload.requestBody.content), ['text/csv']);
    const details = resolve(openapi, upload.responses['422']).content['application/json'].example.error.details;
    assert.ok(Array.isArray(details) && details.length > 0, 'the 422 example of the import shows details');
  });

  test('a documented path with a method it does not list answers 405 method_not_allowed', async () => {
    const byPath = new Map();
    for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r.method]);
    for (const [p, methods] of byPath) {
      const url = p.replace('{token}', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').replace('{session_id}', 'f'.repeat(32)).replace(/\{[^}]+\}/g, '1');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.includes(m))) {
        const res = await server.client().request(method, url, method === 'GET' ? {} : { json: {} });
        assertError(res, 405, 'method_not_allowed');
      }
    }
    assert.ok(openapi.components.schemas.ErrorCode.enum.includes('method_not_allowed'));
  });

  test('non-public routes answer 401 without a session', async () => {
    const anonymous = server.client();
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await anonymous.request(r.method, fillPath(r.path, 1), changesState(r.method) ? { json: {} } : {});
      assertError(res, 401, 'unauthenticated');
    }
  });

  test('non-public routes answer 401 for an unknown session cookie', async () => {
    const forged = server.client();
    forged.cookie = 'forged-session-token-0123456789abcdefghijklmnop';
    forged.csrf = 'forged-csrf';
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await forged.request(r.method, fillPath(r.path, 1), changesState(r.method) ? { json: {} } : {});
      assertError(res, 401, 'unauthenticated');
    }
  });

  test('the public routes answer without a session (no 401 for lack of a session)', async () => {
    // A well-formed link token nobody was given: the token, not the missing session, is the problem.
    const token = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    // A body where the route needs one, and the answer when not 404 for the unknown token.
    const bodies = {
      '/api/v1/auth/invitations/accept': { token, password: 'long-enough-password' },
      '/api/v1/auth/password-reset/complete': { token, password: 'long-enough-password' },
      '/api/v1/auth/password-reset': { email: 'nobody@example.jp' },
    };
    // (The second step of a login answers an unknown challenge with 401 by design: sent empty, it
    // shows that no session is asked for.)
    const answers = { '/api/v1/auth/login': [422, 'validation'], '/api/v1/auth/login/second-factor': [422, 'validation'],
      '/api/v1/auth/password-reset': [202], '/api/v1/auth/sign-in-options': [200] };
    for (const r of routes.filter((x) => x.access === 'public')) {
      const url = r.path.replace('{token}', token).replace('{item_no}', '1');
      const body = bodies[r.path] ?? (r.path.includes('{item_no}') ? { choice: 'done' } : {});
      const res = await server.client().request(r.method, url, changesState(r.method) ? { json: body } : {});
      assert.notEqual(res.status, 401, `${r.method} ${r.path}: ${res.text}`);
      const [status, code] = answers[r.path] ?? [404, 'not_found'];  // the unknown token
      if (code) assertError(res, status, code);
      else assert.equal(res.status, status, `${r.method} ${r.path}: ${res.text}`);
    }
  });

  test('secretariat routes answer 403 for an expert and a company user, and change nothing', async () => {
    const secretariat = await server.login(DEMO.secretariat);
    const snapshot = async () => Promise.all(
      ['/api/v1/users', '/api/v1/companies', '/api/v1/engagements', '/api/v1/audit'].map(async (p) => (await secretariat.get(p)).text));
    const beforeState = await snapshot();
    const companyId = (await secretariat.get('/api/v1/companies')).data.items[0].id;
    const secretariatRoutes = routes.filter((r) => r.access === 'secretariat');
    assert.ok(secretariatRoutes.length >= 5);
    for (const who of [DEMO.expert1, DEMO.owner1]) {
      const c = await server.login(who);
      for (const r of secretariatRoutes) {
        // A well-formed request with a valid CSRF token: only the role is wrong.
        const body = { name: '権限のない登録', email: `x-${Date.now()}@example.jp`, role: 'expert', password: 'long-enough-pw', company_id: companyId };
        const res = await c.request(r.method, fillPath(r.path, companyId), changesState(r.method) ? { json: body } : {});
        assertError(res, 403, 'forbidden');
      }
    }
    assert.deepEqual(await snapshot(), beforeState, 'a refused call changed data');
  });

  test('authenticated GET routes without parameters answer 200 for every role', async () => {
    for (const who of [DEMO.secretariat, DEMO.expert1, DEMO.owner1]) {
      const c = await server.login(who);
      for (const r of routes.filter((x) => x.access === 'authenticated' && x.method === 'GET' && !x.path.includes('{'))) {
        const res = await c.get(r.path);
        assert.equal(res.status, 200, `${who}: GET ${r.path} → ${res.status} ${res.text}`);
      }
    }
  });
});

function resolve(doc, node) {
  if (!node || !node.$ref) return node;
  assert.match(node.$ref, /^#\//, `only local $refs: ${node.$ref}`);
  let v = doc;
  for (const part of node.$ref.slice(2).split('/')) v = v?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}
