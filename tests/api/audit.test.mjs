// The audit log: every change is recorded with before/after, the actor and the request id;
// only the secretariat may read it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, DEMO_NAMES, MAKER, assertError, startServer, uniqueSuffix } from './server.mjs';

describe('audit log', () => {
  let server, secretariat, expert1, owner1, engagement;

  const auditOf = async (entity, id) => {
    const res = await secretariat.get(`/api/v1/audit?entity=${entity}&entity_id=${id}`);
    assert.equal(res.status, 200, res.text);
    return res.data.items;
  };

  before(async () => {
    server = await startServer();
    [secretariat, expert1, owner1] = await Promise.all([DEMO.secretariat, DEMO.expert1, DEMO.owner1].map((e) => server.login(e)));
    const list = (await secretariat.get('/api/v1/engagements')).data.items;
    engagement = list.find((e) => e.company_name === MAKER);
    assert.ok(engagement);
  });
  after(() => server?.stop());

  test('a PATCH on an engagement appears in /audit with before, after, the actor name and the request id', async () => {
    const beforeEntries = await auditOf('engagement', engagement.id);
    const res = await secretariat.patch(`/api/v1/engagements/${engagement.id}`,
      { version: engagement.version, status: 'completed', sessions: [{ no: 2, planned_date: '2026-12-24' }] });
    assert.equal(res.status, 200, res.text);
    const requestId = res.headers.get('x-request-id');

    const entries = await auditOf('engagement', engagement.id);
    assert.equal(entries.length, beforeEntries.length + 1);
    const entry = entries[0];  // newest first
    assert.equal(entry.action, 'update');
    assert.equal(entry.entity, 'engagement');
    assert.equal(entry.entity_id, engagement.id);
    assert.equal(entry.engagement_id, engagement.id);
    assert.equal(entry.actor_id, secretariat.user.id);
    assert.equal(entry.actor_name, DEMO_NAMES.secretariat);
    assert.equal(entry.request_id, requestId);
    assert.match(entry.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(entry.before.status, engagement.status);
    assert.equal(entry.before.version, engagement.version);
    assert.equal(entry.before.sessions[1].planned_date, engagement.sessions[1].planned_date);
    assert.equal(entry.after.status, 'completed');
    assert.equal(entry.after.version, engagement.version + 1);
    assert.equal(entry.after.sessions[1].planned_date, '2026-12-24');
    // The snapshot holds the stored fields: those the API shows as stored, and none of the
    // names it derives from other records.
    for (const key of ['id', 'company_id', 'expert_id', 'status', 'version'])
      assert.deepEqual(entry.after[key], res.data[key], `after.${key}`);
    // A session's progress and report state come from the course's records, not the plan.
    const stored = res.data.sessions.map(({ progress, report_state, ...plan }) => plan);
    assert.deepEqual(entry.after.sessions, stored, 'after.sessions');
    for (const derived of ['company_name', 'expert_name']) {
      assert.ok(!(derived in entry.after), `after has the derived ${derived}`);
      assert.ok(!(derived in entry.before), `before has the derived ${derived}`);
    }
    engagement = res.data;
  });

  test("an expert's change is recorded under the expert's name", async () => {
    const res = await expert1.patch(`/api/v1/engagements/${engagement.id}`, { version: engagement.version, status: 'in_progress' });
    assert.equal(res.status, 200, res.text);
    const [entry] = await auditOf('engagement', engagement.id);
    assert.equal(entry.actor_name, DEMO_NAMES.expert1);
    assert.equal(entry.actor_id, expert1.user.id);
    assert.equal(entry.before.status, 'completed');
    assert.equal(entry.after.status, 'in_progress');
    engagement = res.data;
  });

  test('refused changes leave no audit entry', async () => {
    const beforeEntries = await auditOf('engagement', engagement.id);
    assertError(await secretariat.patch(`/api/v1/engagements/${engagement.id}`, { version: engagement.version - 1, status: 'cancelled' }), 409, 'conflict');
    assertError(await secretariat.patch(`/api/v1/engagements/${engagement.id}`, { version: engagement.version, status: 'done' }), 422, 'validation');
    assertError(await owner1.patch(`/api/v1/engagements/${engagement.id}`, { version: engagement.version, status: 'cancelled' }), 403, 'forbidden');
    assert.deepEqual(await auditOf('engagement', engagement.id), beforeEntries);
  });

  test('creating and changing a company is audited; the filters select by entity', async () => {
    const name = `監査テスト株式会社${uniqueSuffix()}`;
    const created = await secretariat.post('/api/v1/companies', { name, employee_count: 10 });
    assert.equal(created.status, 201, created.text);
    const patched = await secretariat.patch(`/api/v1/companies/${created.data.id}`, { employee_count: 11 });
    assert.equal(patched.status, 200, patched.text);
    const entries = await auditOf('company', created.data.id);
    assert.deepEqual(entries.map((e) => e.action), ['update', 'create']);
    assert.equal(entries[1].before, null);
    assert.equal(entries[1].after.name, name);
    assert.equal(entries[0].before.employee_count, 10);
    assert.equal(entries[0].after.employee_count, 11);
    assert.ok(entries.every((e) => e.entity === 'company' && e.entity_id === created.data.id && e.actor_name === DEMO_NAMES.secretariat));

    const byEngagement = await secretariat.get(`/api/v1/audit?engagement_id=${engagement.id}`);
    assert.ok(byEngagement.data.items.length >= 3);
    assert.ok(byEngagement.data.items.every((e) => e.engagement_id === engagement.id));
  });

  test('only the secretariat can read /audit', async () => {
    assertError(await expert1.get(`/api/v1/audit?entity=engagement&entity_id=${engagement.id}`), 403, 'forbidden');
    assertError(await owner1.get('/api/v1/audit'), 403, 'forbidden');
    assertError(await server.client().get('/api/v1/audit'), 401, 'unauthenticated');
  });
});
