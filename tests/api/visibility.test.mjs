// Who sees what: the secretariat everything, an expert their assigned engagements, a company
// user their own company. Nothing here changes data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CARRIER, DEMO, JAPANESE, MAKER, assertError, openapiDocument, startServer } from './server.mjs';

describe('role visibility', () => {
  let server, secretariat, expert1, expert2, owner1, owner2;
  let maker, carrier, makerEngagement, carrierEngagement, missingId, doc;

  before(async () => {
    server = await startServer();
    doc = await openapiDocument();
    [secretariat, expert1, expert2, owner1, owner2] = await Promise.all(
      [DEMO.secretariat, DEMO.expert1, DEMO.expert2, DEMO.owner1, DEMO.owner2].map((e) => server.login(e)));
    const companies = (await secretariat.get('/api/v1/companies')).data.items;
    maker = companies.find((c) => c.name === MAKER);
    carrier = companies.find((c) => c.name === CARRIER);
    assert.ok(maker && carrier, 'demo companies missing');
    const engagements = (await secretariat.get('/api/v1/engagements')).data.items;
    makerEngagement = engagements.find((e) => e.company_id === maker.id);
    carrierEngagement = engagements.find((e) => e.company_id === carrier.id);
    assert.ok(makerEngagement && carrierEngagement, 'demo engagements missing');
    const allIds = [...companies, ...engagements].map((x) => x.id);
    missingId = Math.max(...allIds) + 1_000_000;
  });
  after(() => server?.stop());

  test('the secretariat sees both demo engagements and both companies', async () => {
    const res = await secretariat.get('/api/v1/engagements');
    assert.equal(res.status, 200);
    const names = res.data.items.map((e) => e.company_name);
    assert.ok(names.includes(MAKER) && names.includes(CARRIER), names.join(', '));
    assert.equal(makerEngagement.expert_id, expert1.user.id);
    assert.equal(carrierEngagement.expert_id, expert2.user.id);
    for (const e of [makerEngagement, carrierEngagement]) {
      assert.equal((await secretariat.get(`/api/v1/engagements/${e.id}`)).status, 200);
      assert.equal(e.sessions.length, 4);
      assert.deepEqual(e.sessions.map((s) => s.no), [1, 2, 3, 4]);
    }
    const companies = (await secretariat.get('/api/v1/companies')).data.items.map((c) => c.name);
    assert.ok(companies.includes(MAKER) && companies.includes(CARRIER));
  });

  test(`expert1 sees only ${MAKER}'s engagement`, async () => {
    const res = await expert1.get('/api/v1/engagements');
    assert.equal(res.status, 200);
    assert.ok(res.data.items.length >= 1);
    for (const e of res.data.items) {
      assert.equal(e.company_name, MAKER);
      assert.equal(e.expert_id, expert1.user.id);
    }
    assert.ok(res.data.items.some((e) => e.id === makerEngagement.id));
    assert.equal((await expert1.get(`/api/v1/engagements/${makerEngagement.id}`)).status, 200);
  });

  test(`owner2 sees only ${CARRIER}'s engagement`, async () => {
    const res = await owner2.get('/api/v1/engagements');
    assert.equal(res.status, 200);
    assert.ok(res.data.items.length >= 1);
    for (const e of res.data.items) assert.equal(e.company_name, CARRIER);
    assert.ok(res.data.items.some((e) => e.id === carrierEngagement.id));
    assert.equal((await owner2.get(`/api/v1/engagements/${carrierEngagement.id}`)).status, 200);
  });

  test('expert1 GET of the other engagement is a 403', async () => {
    assertError(await expert1.get(`/api/v1/engagements/${carrierEngagement.id}`), 403, 'forbidden');
    assertError(await expert2.get(`/api/v1/engagements/${makerEngagement.id}`), 403, 'forbidden');
  });

  test("a company user GET of another company's engagement is a 403", async () => {
    assertError(await owner1.get(`/api/v1/engagements/${carrierEngagement.id}`), 403, 'forbidden');
    assertError(await owner2.get(`/api/v1/engagements/${makerEngagement.id}`), 403, 'forbidden');
  });

  test('owner1 sees only their own company; GET /companies/{other} is a 403', async () => {
    const list = await owner1.get('/api/v1/companies');
    assert.deepEqual(list.data.items.map((c) => c.name), [MAKER]);
    assert.equal((await owner1.get(`/api/v1/companies/${maker.id}`)).status, 200);
    assertError(await owner1.get(`/api/v1/companies/${carrier.id}`), 403, 'forbidden');
  });

  test('an expert sees the companies of their engagements only', async () => {
    const list = await expert1.get('/api/v1/companies');
    assert.deepEqual(list.data.items.map((c) => c.name), [MAKER]);
    const own = await expert1.get(`/api/v1/companies/${maker.id}`);
    assert.equal(own.status, 200);
    assert.equal(own.data.name, MAKER);
    assertError(await expert1.get(`/api/v1/companies/${carrier.id}`), 403, 'forbidden');
  });

  test('filters cannot widen the scope: expert1 asking for expert2\'s engagements gets none', async () => {
    const res = await expert1.get(`/api/v1/engagements?expert_id=${expert2.user.id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.items, []);
    const own = await owner1.get(`/api/v1/engagements?q=${encodeURIComponent('運輸')}`);
    assert.deepEqual(own.data.items, []);
  });

  test('the secretariat can filter engagements by status, company name and expert', async () => {
    const byStatus = await secretariat.get(`/api/v1/engagements?status=${carrierEngagement.status}`);
    assert.ok(byStatus.data.items.every((e) => e.status === carrierEngagement.status));
    assert.ok(byStatus.data.items.some((e) => e.id === carrierEngagement.id));
    const byName = await secretariat.get(`/api/v1/engagements?q=${encodeURIComponent('製作所')}`);
    assert.ok(byName.data.items.length >= 1 && byName.data.items.every((e) => e.company_name.includes('製作所')));
    const byExpert = await secretariat.get(`/api/v1/engagements?expert_id=${expert2.user.id}`);
    assert.ok(byExpert.data.items.length >= 1 && byExpert.data.items.every((e) => e.expert_id === expert2.user.id));
  });

  test('a nonexistent id is a 404 for every role', async () => {
    for (const c of [secretariat, expert1, owner1]) {
      assertError(await c.get(`/api/v1/engagements/${missingId}`), 404, 'not_found');
      if (c === secretariat || c === expert1) assertError(await c.get(`/api/v1/companies/${missingId}`), 404, 'not_found');
    }
  });

  test('an unknown API path is a JSON 404', async () => {
    assertError(await secretariat.get('/api/v1/engagements/not-a-number'), 404, 'not_found');
    assertError(await secretariat.get('/api/v1/no-such-thing'), 404, 'not_found');
  });

  test('/users is the secretariat\'s: it lists the demo users and filters by role', async () => {
    const experts = await secretariat.get('/api/v1/users?role=expert');
    assert.equal(experts.status, 200);
    const emails = experts.data.items.map((u) => u.email);
    assert.ok(emails.includes(DEMO.expert1) && emails.includes(DEMO.expert2));
    assert.ok(experts.data.items.every((u) => u.role === 'expert'));
    assert.ok(experts.data.items.every((u) => !('password_hash' in u)));
    const all = await secretariat.get('/api/v1/users');
    for (const email of Object.values(DEMO)) assert.ok(all.data.items.some((u) => u.email === email), email);
  });

  test('/meta gives every role the Japanese labels and the curriculum', async () => {
    for (const c of [secretariat, expert1, owner1]) {
      const res = await c.get('/api/v1/meta');
      assert.equal(res.status, 200);
      assert.deepEqual(res.data.roles.map((r) => r.key), ['secretariat', 'expert', 'company']);
      assert.deepEqual(res.data.engagement_statuses.map((s) => s.key), ['planned', 'in_progress', 'completed', 'cancelled']);
      assert.deepEqual(res.data.engagement_statuses.map((s) => s.label), ['準備中', '指導中', '完了', '中止']);
      assert.equal(res.data.curriculum.sessions.length, 4);
      // Every enumeration the screens show, with the keys the API document lists for it.
      const enumOf = (name) => doc.components.schemas[name].enum;
      const auditEntities = doc.paths['/api/v1/audit'].get.parameters.find((p) => p.name === 'entity').schema.enum;
      for (const [key, keys] of [['company_roles', enumOf('CompanyRole')], ['respondent_roles', enumOf('RespondentRole')],
        ['respondent_statuses', enumOf('RespondentStatus')], ['round_statuses', enumOf('RoundStatus')], ['audit_entities', auditEntities]]) {
        assert.deepEqual(res.data[key].map((x) => x.key).sort(), [...keys].sort(), key);  // meta orders them for display
      }
      assert.deepEqual(res.data.company_roles.map((r) => [r.key, r.label]), [['owner', '経営者'], ['manager', '担当者']]);
      const actions = res.data.audit_actions.map((a) => a.key);
      for (const a of ['create', 'update', 'change_password', 'invite', 'revoke', 'reissue_link', 'enter_paper', 'import_csv', 'submit'])
        assert.ok(actions.includes(a), `audit action ${a} missing: ${actions}`);
      for (const list of ['roles', 'company_roles', 'engagement_statuses', 'audit_actions', 'audit_entities', 'respondent_roles', 'respondent_statuses', 'round_statuses']) {
        assert.equal(new Set(res.data[list].map((x) => x.key)).size, res.data[list].length, `${list}: duplicate keys`);
        for (const { label } of res.data[list]) assert.match(label, JAPANESE, `${list}: ${label}`);
      }
    }
  });
});
