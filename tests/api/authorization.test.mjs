// Authorization, generated from the server's own tables: every route of `shido routes` is called
// by every actor on the ids of both demo engagements, and the answer is compared with what the
// access rule of the route and the policy of `shido policy` allow.
//
//   public         not checked here (the link token is the credential; see diagnosis_access)
//   authenticated  any logged-in user
//   secretariat    事務局 only
//   engagement     allowed[relation(actor, engagement)] contains the route's action, where the
//                  engagement is the one the route's anchor record ({param}) belongs to
//
// A refused call must answer 401, 403 or 404 with the error body: a 2xx is a leak, a 400/409/422
// means the body was looked at before the caller's right (also a leak: validation messages
// tell what exists). An allowed call answers 2xx, or 400/409/422 with the matching error code
// (bad_request, conflict, validation), never 401, 403, 404 or a 5xx. Bodies are `{}` (an empty
// CSV or .xlsx for file uploads), so most allowed writes stop at validation; those that succeed may
// change data, so the calls are ordered (reads first, revocations and logout last) and the
// fixtures and sessions are checked again after every successful write.
//
// A new route is covered as soon as it is in the route table. A route on an anchor this file
// does not know fails the test with a message saying where to teach it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addAccount } from './accounts.mjs';
import {
  CARRIER, DEMO, DEMO_PASSWORD, MAKER, allPages, openapiDocument, shidoPolicy, shidoRoutes, startServer, uniqueSuffix,
} from './server.mjs';

const REFUSED = new Set([401, 403, 404]);
const REFUSAL_CODES = new Set(['unauthenticated', 'forbidden', 'not_found']);
// What an allowed call with a `{}` body may answer besides 2xx, with the error code that goes
// with the status.
// (409 package_incomplete: the submission package asked for before its documents exist.)
const ALLOWED_ERRORS = { 400: ['bad_request'], 409: ['conflict', 'package_incomplete'], 422: ['validation'] };
// Calls that end something a later call needs run after all others (then sessions and fixtures
// are renewed anyway).
const LAST = [/\/revoke$/, /\/auth\/logout$/];
// Stands for the calling actor's current session id in a path (send puts the real one in).
const OWN_SESSION = 'f'.repeat(32);

// The relation of an actor to an engagement, from the facts the policy names (the secretariat;
// the assigned or another expert; the owner or another member of the company; a member of
// another company).
// `experts`: the assigned experts that count (one engagement's, or for the company anchor those
// of every engagement of the company).
function relationOf(user, companyId, experts) {
  if (user.role === 'secretariat') return 'secretariat';
  if (user.role === 'expert') return experts.includes(user.id) ? 'assigned_expert' : 'other_expert';
  if (user.company_id !== companyId) return 'other_company';
  return user.company_role === 'owner' ? 'owner' : 'manager';
}

describe('authorization of every route for every actor', () => {
  let server, routes, policy, doc, jimu;
  let engagements = [];  // every engagement, as the secretariat last read them
  const actors = [];  // { name, client, user, email, password }
  const fixtures = [];  // per demo engagement: { label, engagement, round, respondent, token }

  const relogin = async (actor) => {
    const res = await actor.client.login(actor.email, actor.password);
    assert.equal(res.status, 200, `login as ${actor.name}: ${res.text}`);
    actor.user = res.data.user;
  };

  let outboxId;  // a queued demo message (the demo tells each expert of their assignment)

  // Each demo engagement with a self-assessment round and a respondent (created as the
  // secretariat where missing), re-read so that relations follow the current data.
  async function ensureFixtures() {
    // An actor's sign-out of its other sessions ends this one of the secretariat's too.
    if ((await jimu.get('/api/v1/auth/me')).status === 401) assert.equal((await jimu.login(DEMO.secretariat)).status, 200);
    engagements = await allPages(jimu, '/api/v1/engagements');
    outboxId ??= (await jimu.get('/api/v1/outbox?limit=1')).data.items[0]?.id;
    assert.ok(outboxId, 'the demo queued no e-mail');
    const list = { data: { items: engagements } };
    for (const [label, company] of [['maker', MAKER], ['carrier', CARRIER]]) {
      const engagement = list.data.items.find((e) => e.company_name === company);
      assert.ok(engagement, `demo engagement of ${company} missing`);
      let f = fixtures.find((x) => x.label === label);
      if (!f) fixtures.push(f = { label });
      f.engagement = engagement;
      // A member of the company of its own, for the routes that remove one or re-invite one
      // ({user_id} of /members, {id} of /users/…): removing it once leaves 409s after.
      f.spare ??= await addAccount(server, { email: `spare-${label}-${uniqueSuffix()}@example.jp`, name: '予備 メンバー',
        role: 'company', company_id: engagement.company_id, company_role: 'manager' });
      const rounds = await jimu.get(`/api/v1/engagements/${engagement.id}/diagnosis/rounds`);
      assert.equal(rounds.status, 200, rounds.text);
      f.round = rounds.data.items.find((r) => r.id === f.round?.id) ?? rounds.data.items[0];
      if (!f.round) {
        const created = await jimu.post(`/api/v1/engagements/${engagement.id}/diagnosis/rounds`, { name: '権限確認の回' });
        assert.equal(created.status, 201, created.text);
        f.round = created.data;
      }
      if (f.round.status !== 'open') {
        const reopened = await jimu.patch(`/api/v1/diagnosis/rounds/${f.round.id}`, { status: 'open' });
        assert.equal(reopened.status, 200, reopened.text);
      }
      // A preparation task of this engagement ({task_id}).
      const tasks = await jimu.get(`/api/v1/engagements/${engagement.id}/tasks`);
      assert.equal(tasks.status, 200, tasks.text);
      f.task = tasks.data.items[0];
      assert.ok(f.task, `no preparation task on the ${label} engagement`);
      const respondents = await jimu.get(`/api/v1/diagnosis/rounds/${f.round.id}/respondents?limit=200`);
      assert.equal(respondents.status, 200, respondents.text);
      const live = respondents.data.items.filter((r) => r.source === 'link' && r.status !== 'revoked');
      if (!f.respondent || !live.some((r) => r.id === f.respondent.id)) {
        const issued = await jimu.post(`/api/v1/diagnosis/rounds/${f.round.id}/respondents`, { role: 'staff', name: `権限 確認${uniqueSuffix()}` });
        assert.equal(issued.status, 201, issued.text);
        f.respondent = issued.data.items[0].respondent;
        f.token = issued.data.items[0].token;
      }
    }
  }

  // The path of a route with the ids of one engagement's records.
  function urlFor(route, f) {
    const param = route.param ?? 'id';
    const anchorIds = { engagement: f.engagement.id, diagnosis_round: f.round.id, respondent: f.respondent.id, company: f.engagement.company_id };
    // Other {id}s (routes without an anchor) by the collection they follow.
    const byCollection = { engagements: f.engagement.id, companies: f.engagement.company_id, rounds: f.round.id, respondents: f.respondent.id, outbox: outboxId,
      members: f.spare.id, users: f.spare.id };
    return route.path.replace(/\{([^}]+)\}/g, (whole, name, offset) => {
      if (route.access === 'engagement' && name === param) {
        assert.ok(route.anchor in anchorIds,
          `${route.method} ${route.path}: anchor ${route.anchor} is unknown to authorization.test.mjs: add how to find its id (urlFor) and its engagement`);
        return String(anchorIds[route.anchor]);
      }
      if (name === 'item_no' || name === 'no') return '1';
      if (name === 'item_key') return '1';  // the hearing sheet's first item
      if (name === 'task_id') return String(f.task.id);
      if (name === 'token') return f.token;
      // The caller's own session (see send): ending it is allowed, and it is renewed afterwards.
      if (name === 'session_id') return OWN_SESSION;
      const collection = route.path.slice(0, offset).split('/').filter(Boolean).pop();
      assert.ok(collection in byCollection, `${route.method} ${route.path}: no value for {${name}} in authorization.test.mjs (urlFor)`);
      return String(byCollection[collection]);
    });
  }

  // File uploads (CSV, .xlsx, .docx) get an empty body of their own type.
  const UPLOAD_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];
  const uploadType = (route) => Object.keys(doc.paths[route.path]?.[route.method.toLowerCase()]?.requestBody?.content ?? {})
    .find((type) => UPLOAD_TYPES.includes(type));

  async function send(actor, route, url) {
    if (url.includes(OWN_SESSION) && actor.user) {
      const own = (await actor.client.get('/api/v1/me/sessions')).data.items.find((x) => x.current);
      url = url.replace(OWN_SESSION, own.id);
    }
    if (route.method === 'GET') return actor.client.get(url);
    const type = uploadType(route);
    if (type) return actor.client.request(route.method, url, { body: '', headers: { 'Content-Type': type } });
    return actor.client.request(route.method, url, { json: {} });
  }

  function expectAllowed(route, actor, f) {
    if (!actor.user) return { allowed: false, why: 'anonymous' };
    if (route.access === 'authenticated') return { allowed: true, why: 'logged in' };
    if (route.access === 'secretariat') return { allowed: actor.user.role === 'secretariat', why: `role ${actor.user.role}` };
    const experts = route.anchor === 'company'
      ? engagements.filter((e) => e.company_id === f.engagement.company_id).map((e) => e.expert_id)
      : [f.engagement.expert_id];
    const relation = relationOf(actor.user, f.engagement.company_id, experts);
    return { allowed: (policy.allowed[relation] ?? []).includes(route.action), why: `${relation} → ${route.action}`, relation };
  }

  before(async () => {
    [server, routes, policy, doc] = await Promise.all([startServer(), shidoRoutes(), shidoPolicy(), openapiDocument()]);
    jimu = await server.login(DEMO.secretariat);
    const companies = await jimu.get(`/api/v1/companies?q=${encodeURIComponent(MAKER)}`);
    assert.equal(companies.status, 200, companies.text);
    const maker = companies.data.items.find((c) => c.name === MAKER);
    assert.ok(maker, `company ${MAKER} missing`);
    const manager = { email: `manager-${uniqueSuffix()}@example.jp`, password: 'manager-password-2026' };
    await addAccount(server, { email: manager.email, name: '製作所 管理者', role: 'company', company_id: maker.id, company_role: 'manager', password: manager.password });

    for (const [name, email, password] of [
      ['jimu', DEMO.secretariat, DEMO_PASSWORD], ['expert1', DEMO.expert1, DEMO_PASSWORD], ['expert2', DEMO.expert2, DEMO_PASSWORD],
      ['owner1', DEMO.owner1, DEMO_PASSWORD], ['owner2', DEMO.owner2, DEMO_PASSWORD], ['manager1', manager.email, manager.password]]) {
      const actor = { name, email, password, client: server.client() };
      await relogin(actor);
      actors.push(actor);
    }
    actors.push({ name: 'anonymous', client: server.client(), user: null });
    await ensureFixtures();
  });
  after(() => server?.stop());

  test('the route table and the policy are complete and consistent', () => {
    assert.deepEqual(Object.keys(policy.allowed).sort(), [...policy.relations].sort());
    for (const [relation, actions] of Object.entries(policy.allowed))
      for (const a of actions) assert.ok(policy.actions.includes(a), `${relation}: unknown action ${a}`);
    for (const r of routes) {
      assert.ok(['public', 'authenticated', 'secretariat', 'engagement'].includes(r.access), `${r.method} ${r.path}: access ${r.access}`);
      if (r.access !== 'engagement') continue;
      assert.ok(policy.actions.includes(r.action), `${r.method} ${r.path}: action ${r.action} is not in the policy`);
      assert.ok(r.path.includes(`{${r.param ?? 'id'}}`), `${r.method} ${r.path}: no {${r.param}}`);
    }
  });

  test('every call answers as the policy says', async () => {
    const staffRoutes = routes.filter((r) => r.access !== 'public');
    const rank = (r) => (LAST.some((p) => p.test(r.path)) ? 2 : r.method === 'GET' ? 0 : 1);
    const ordered = [...staffRoutes].sort((a, b) => rank(a) - rank(b));
    const leaks = [], refusals = [];
    const seen = { allowed: new Set(), refused: new Set(), relations: new Set() };
    let calls = 0;

    for (const route of ordered) {
      const key = `${route.method} ${route.path}`;
      for (const f of fixtures) {
        for (const actor of actors) {
          const expected = expectAllowed(route, actor, f);
          if (expected.relation) seen.relations.add(expected.relation);
          const url = urlFor(route, f);
          const res = await send(actor, route, url);
          calls += 1;
          const line = `${actor.name} ${route.method} ${url} (${f.label}, ${expected.why}) → ${res.status} ${res.text.slice(0, 200)}`;
          if (expected.allowed) {
            seen.allowed.add(key);
            const fine = res.status < 300 || (ALLOWED_ERRORS[res.status] ?? []).includes(res.data?.error?.code);
            if (!fine) refusals.push(line);
          } else {
            seen.refused.add(key);
            if (!REFUSED.has(res.status) || !REFUSAL_CODES.has(res.data?.error?.code)) leaks.push(line);
          }
          if (route.method !== 'GET' && res.status < 300) {
            // A write went through: renew what it may have ended (sessions, revoked links,
            // closed rounds) and re-read the engagements, so later expectations hold.
            for (const a of actors.filter((x) => x.user)) {
              if ((await a.client.get('/api/v1/auth/me')).status === 401) await relogin(a);
            }
            await ensureFixtures();
          }
        }
      }
    }

    console.log(`authorization: ${calls} calls, ${leaks.length} leaks`);
    if (refusals.length) console.log(`authorization: ${refusals.length} allowed calls refused or failed`);
    assert.deepEqual(leaks, [], `calls the policy forbids were not refused:\n${leaks.join('\n')}`);
    assert.deepEqual(refusals, [], `calls the policy allows were refused or failed:\n${refusals.join('\n')}`);
    // The matrix really exercised both sides of every rule.
    for (const r of staffRoutes) {
      assert.ok(seen.allowed.has(`${r.method} ${r.path}`), `${r.method} ${r.path}: no actor was allowed`);
      assert.ok(seen.refused.has(`${r.method} ${r.path}`), `${r.method} ${r.path}: no actor was refused`);
    }
    assert.deepEqual([...seen.relations].sort(), [...policy.relations].sort(), 'not every relation was exercised');
  });
});
