// Keyset pagination of every list: `{items, total, next_after}`, `after` and `limit`
// (1..200, default 50), the documented order, filters, and 422 for bad parameters.
// Each list gets its own records (named with a unique prefix) so that the counts are exact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cast, invite, openRound } from './diagnosis.mjs';
import { allPages, assertError, startServer, uniqueSuffix } from './server.mjs';

// All pages of `listPath` with `limit`, each checked; returns the pages.
async function pages(client, listPath, limit) {
  const out = [];
  let after = null;
  for (;;) {
    const sep = listPath.includes('?') ? '&' : '?';
    const url = `${listPath}${sep}limit=${limit}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`;
    const res = await client.get(url);
    assert.equal(res.status, 200, `${url}: ${res.text}`);
    assert.deepEqual(Object.keys(res.data).sort(), ['items', 'next_after', 'total'], url);
    out.push(res.data);
    if (res.data.next_after === null) return out;
    assert.equal(res.data.items.length, limit, `${url}: a page before the last is full`);
    assert.ok(out.length <= 1000);
    after = res.data.next_after;
  }
}

// The pages of `limit` each hold `limit` items (the last the rest), say the same total, and
// together are exactly the one-page answer, in the same order, without repeats.
async function assertPaged(client, listPath, limit, expectedTotal) {
  const whole = await client.get(`${listPath}${listPath.includes('?') ? '&' : '?'}limit=200`);
  assert.equal(whole.status, 200, whole.text);
  assert.equal(whole.data.total, expectedTotal, `${listPath}: total`);
  assert.equal(whole.data.items.length, expectedTotal);
  assert.equal(whole.data.next_after, null);
  const ps = await pages(client, listPath, limit);
  assert.equal(ps.length, Math.max(1, Math.ceil(expectedTotal / limit)), `${listPath}: number of pages with limit=${limit}`);
  for (const p of ps) assert.equal(p.total, expectedTotal, `${listPath}: total on every page`);
  const ids = ps.flatMap((p) => p.items.map((x) => x.id));
  assert.equal(new Set(ids).size, ids.length, `${listPath}: an item on two pages`);
  assert.deepEqual(ids, whole.data.items.map((x) => x.id), `${listPath}: pages differ from the whole list`);
  return whole.data.items;
}

const nonIncreasing = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);
const nonDecreasing = (xs) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

describe('pagination', () => {
  let server, who, prefix;
  const companies = [];  // created here, named `${prefix}-<letter>`
  const engagements = [];

  before(async () => {
    server = await startServer();
    who = await cast(server);
    prefix = `頁送り${uniqueSuffix()}`;
    // Created out of name order, so that "sorted by name" is not "sorted by id".
    for (const letter of ['D', 'B', 'F', 'A', 'E', 'C', 'G']) {
      const res = await who.secretariat.post('/api/v1/companies', { name: `${prefix}-${letter}` });
      assert.equal(res.status, 201, res.text);
      companies.push(res.data);
    }
    for (const c of companies.slice(0, 3)) {
      for (let i = 0; i < 2; ++i) {
        const res = await who.secretariat.post('/api/v1/engagements', { company_id: c.id, expert_id: who.expert2.user.id });
        assert.equal(res.status, 201, res.text);
        engagements.push(res.data);
      }
    }
  });
  after(() => server?.stop());

  test('companies: by name, every page size, the filter narrows the total', async () => {
    const q = `/api/v1/companies?q=${encodeURIComponent(prefix)}`;
    for (const limit of [1, 2, 3, 7, 200]) {
      const items = await assertPaged(who.secretariat, q, limit, 7);
      assert.deepEqual(items.map((c) => c.name), companies.map((c) => c.name).sort());
    }
    const one = await who.secretariat.get(`/api/v1/companies?q=${encodeURIComponent(`${prefix}-C`)}`);
    assert.deepEqual([one.data.total, one.data.items.map((c) => c.name), one.data.next_after], [1, [`${prefix}-C`], null]);
    const none = await who.secretariat.get(`/api/v1/companies?q=${encodeURIComponent(`${prefix}-none`)}`);
    assert.deepEqual(none.data, { items: [], total: 0, next_after: null });
  });

  test('keyset, not offset: a record added before the cursor neither repeats nor shifts the next page', async () => {
    const q = `/api/v1/companies?q=${encodeURIComponent(prefix)}`;
    const first = (await who.secretariat.get(`${q}&limit=3`)).data;
    assert.deepEqual(first.items.map((c) => c.name), ['A', 'B', 'C'].map((l) => `${prefix}-${l}`));
    // Sorts before everything seen so far.
    const early = await who.secretariat.post('/api/v1/companies', { name: `${prefix}-0` });
    assert.equal(early.status, 201, early.text);
    try {
      const second = (await who.secretariat.get(`${q}&limit=3&after=${encodeURIComponent(first.next_after)}`)).data;
      assert.deepEqual(second.items.map((c) => c.name), ['D', 'E', 'F'].map((l) => `${prefix}-${l}`));
      assert.equal(second.total, 8, 'the total counts the new record');
    } finally {
      // Rename it out of the prefix so that the other tests keep their exact counts.
      const renamed = await who.secretariat.patch(`/api/v1/companies/${early.data.id}`, { name: `退避${uniqueSuffix()}` });
      assert.equal(renamed.status, 200, renamed.text);
    }
  });

  test('engagements: newest first by default, by company name with sort=company, filters and scope', async () => {
    const q = `/api/v1/engagements?q=${encodeURIComponent(prefix)}`;
    const newest = await assertPaged(who.secretariat, q, 2, 6);
    assert.deepEqual(newest.map((e) => e.id), engagements.map((e) => e.id).reverse(), 'newest first');
    assert.ok(nonIncreasing(newest.map((e) => e.created_at)));
    assert.deepEqual((await assertPaged(who.secretariat, `${q}&sort=newest`, 4, 6)).map((e) => e.id), newest.map((e) => e.id));
    for (const limit of [1, 3, 5]) {
      const byCompany = await assertPaged(who.secretariat, `${q}&sort=company`, limit, 6);
      assert.ok(nonDecreasing(byCompany.map((e) => e.company_name)), byCompany.map((e) => e.company_name).join(', '));
      assert.deepEqual(byCompany.map((e) => e.id).sort((a, b) => a - b), engagements.map((e) => e.id).sort((a, b) => a - b));
    }
    // Filters and the caller's scope narrow the total, not only the page.
    await assertPaged(who.secretariat, `${q}&expert_id=${who.expert2.user.id}`, 4, 6);
    await assertPaged(who.secretariat, `${q}&expert_id=${who.expert1.user.id}`, 4, 0);
    await assertPaged(who.secretariat, `${q}&status=planned`, 4, 6);
    await assertPaged(who.secretariat, `${q}&status=completed`, 4, 0);
    await assertPaged(who.expert2, q, 4, 6);
    await assertPaged(who.expert1, q, 4, 0);
    await assertPaged(who.owner1, q, 4, 0);
  });

  test('engagements: a new engagement (the newest) does not appear on later pages of a walk', async () => {
    const q = `/api/v1/engagements?q=${encodeURIComponent(prefix)}`;
    const first = (await who.secretariat.get(`${q}&limit=2`)).data;
    const added = await who.secretariat.post('/api/v1/engagements', { company_id: companies[0].id, expert_id: who.expert2.user.id });
    assert.equal(added.status, 201, added.text);
    try {
      const rest = [];
      let after = first.next_after;
      while (after !== null) {
        const page = (await who.secretariat.get(`${q}&limit=2&after=${encodeURIComponent(after)}`)).data;
        rest.push(...page.items.map((e) => e.id));
        after = page.next_after;
      }
      assert.deepEqual([...first.items.map((e) => e.id), ...rest], engagements.map((e) => e.id).reverse());
    } finally {
      const cancelled = await who.secretariat.patch(`/api/v1/engagements/${added.data.id}`, { version: added.data.version, status: 'cancelled' });
      assert.equal(cancelled.status, 200, cancelled.text);
    }
    await assertPaged(who.secretariat, `${q}&status=cancelled`, 1, 1);
  });

  test('users: filter by role and search text, every page', async () => {
    const made = [];
    for (let i = 0; i < 5; ++i) {
      const tag = `${prefix}${i}`;
      const res = await who.secretariat.post('/api/v1/users', {
        email: `pg-${uniqueSuffix()}-${i}@example.jp`, name: `${tag} 確認`, role: i < 3 ? 'expert' : 'company',
        company_id: i < 3 ? undefined : companies[0].id, company_role: i < 3 ? undefined : 'manager' });
      assert.equal(res.status, 201, res.text);
      made.push(res.data);
    }
    const q = `/api/v1/users?q=${encodeURIComponent(prefix)}`;
    const all = await assertPaged(who.secretariat, q, 2, 5);
    assert.deepEqual(all.map((u) => u.id).sort((a, b) => a - b), made.map((u) => u.id).sort((a, b) => a - b));
    const experts = await assertPaged(who.secretariat, `${q}&role=expert`, 2, 3);
    assert.ok(experts.every((u) => u.role === 'expert'));
    await assertPaged(who.secretariat, `${q}&role=company`, 1, 2);
    await assertPaged(who.secretariat, `${q}&role=secretariat`, 1, 0);
  });

  test('audit: newest first, filtered by entity, engagement and action, every page', async () => {
    const company = companies[6];
    for (let i = 1; i <= 4; ++i) {
      const res = await who.secretariat.patch(`/api/v1/companies/${company.id}`, { employee_count: i });
      assert.equal(res.status, 200, res.text);
    }
    const q = `/api/v1/audit?entity=company&entity_id=${company.id}`;
    const entries = await assertPaged(who.secretariat, q, 2, 5);  // create + 4 updates
    assert.ok(nonIncreasing(entries.map((e) => e.id)), 'newest first');
    assert.deepEqual(entries.map((e) => e.action), ['update', 'update', 'update', 'update', 'create']);
    assert.deepEqual(entries.map((e) => e.after.employee_count), [4, 3, 2, 1, null]);
    const updates = await assertPaged(who.secretariat, `${q}&action=update`, 3, 4);
    assert.ok(updates.every((e) => e.action === 'update'));
    await assertPaged(who.secretariat, `${q}&action=create`, 1, 1);
    const byEngagement = await allPages(who.secretariat, `/api/v1/audit?engagement_id=${engagements[0].id}`, { limit: 1 });
    assert.ok(byEngagement.length >= 1 && byEngagement.every((e) => e.engagement_id === engagements[0].id));
    assert.deepEqual([byEngagement.at(-1).entity, byEngagement.at(-1).action], ['engagement', 'create']);
  });

  test('respondents of a round: by id, filtered by role, every page', async () => {
    const round = await openRound(who.expert1, who.maker.id, '頁送りの回');
    const staff = await invite(who.expert1, round.id, { role: 'staff', count: 4 });
    const [owner] = await invite(who.expert1, round.id, { role: 'owner', name: '頁送り 太郎' });
    const base = `/api/v1/diagnosis/rounds/${round.id}/respondents`;
    const all = await assertPaged(who.expert1, base, 2, 5);
    assert.deepEqual(all.map((r) => r.id), [...staff, owner].map((l) => l.respondent.id), 'by id');
    assert.deepEqual((await assertPaged(who.owner1, `${base}?role=staff`, 3, 4)).map((r) => r.role), ['staff', 'staff', 'staff', 'staff']);
    await assertPaged(who.secretariat, `${base}?role=owner`, 1, 1);
    await assertPaged(who.expert1, `${base}?role=manager`, 1, 0);
    assert.deepEqual((await allPages(who.expert1, base, { limit: 1 })).map((r) => r.id), all.map((r) => r.id));
  });

  test('limit defaults to 50 and stops at 200', async () => {
    const extra = `${prefix}多`;
    for (let i = 0; i < 51; ++i) {
      const res = await who.secretariat.post('/api/v1/companies', { name: `${extra}${String(i).padStart(2, '0')}` });
      assert.equal(res.status, 201, res.text);
    }
    const q = `/api/v1/companies?q=${encodeURIComponent(extra)}`;
    const first = (await who.secretariat.get(q)).data;
    assert.equal(first.items.length, 50);
    assert.equal(first.total, 51);
    assert.equal(typeof first.next_after, 'string');
    const second = (await who.secretariat.get(`${q}&after=${encodeURIComponent(first.next_after)}`)).data;
    assert.deepEqual([second.items.length, second.total, second.next_after], [1, 51, null]);
    assert.equal(second.items[0].name, `${extra}50`);
    assert.equal((await who.secretariat.get(`${q}&limit=200`)).data.items.length, 51);
  });

  test('a bad limit, cursor or filter is a 422 naming the parameter, on every list', async () => {
    const round = await openRound(who.expert1, who.maker.id, '検証の回');
    const lists = {
      '/api/v1/engagements': { status: 'bogus', sort: 'oldest', expert_id: 'abc' },
      '/api/v1/companies': {},
      '/api/v1/users': { role: 'admin' },
      '/api/v1/audit': { entity: 'bogus', entity_id: 'abc', engagement_id: '-1', action: 'no_such_action' },
      [`/api/v1/diagnosis/rounds/${round.id}/respondents`]: { role: 'ceo' },
    };
    for (const [list, badFilters] of Object.entries(lists)) {
      const bad = { ...badFilters };
      for (const limit of ['0', '201', '-1', 'abc', '1.5']) bad[`limit=${limit}`] = null;
      for (const cursor of ['!!!', 'not-a-cursor', 'x'.repeat(300)]) bad[`after=${cursor}`] = null;
      for (const [key, value] of Object.entries(bad)) {
        const [name, query] = value === null
          ? [key.split('=')[0], `${key.split('=')[0]}=${encodeURIComponent(key.slice(key.indexOf('=') + 1))}`]
          : [key, `${key}=${encodeURIComponent(value)}`];
        const res = await who.secretariat.get(`${list}?${query}`);
        assertError(res, 422, 'validation', { fields: [name] });
      }
      // The edges are fine.
      for (const limit of [1, 200]) assert.equal((await who.secretariat.get(`${list}?limit=${limit}`)).status, 200, `${list} limit=${limit}`);
    }
  });
});
