// The Host header is the client's to choose: links handed to respondents and the login Origin
// check must use the server's own addresses (--public-url, --allowed-hosts, the listen address).
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { DEMO, DEMO_PASSWORD, startServer } from './server.mjs';

// node:http, because fetch will not send a Host header of our choosing.
function raw(baseUrl, method, path, { host, headers = {}, body } = {}) {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method,
        headers: { Host: host ?? url.host, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text,
                                      data: text.startsWith('{') ? JSON.parse(text) : null }));
      });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('trusted hosts', () => {
  let server, expert;
  before(async () => {
    server = await startServer();
    expert = await server.login(DEMO.expert1);
  });
  after(() => server?.stop());

  test('Host: evil.example does not make respondents\' links point to evil.example', async () => {
    const rounds = await expert.get('/api/v1/engagements/1/diagnosis/rounds');
    const round = rounds.data.items[0].id;
    const res = await raw(server.baseUrl, 'POST', `/api/v1/diagnosis/rounds/${round}/respondents`, {
      host: 'evil.example',
      headers: { 'Content-Type': 'application/json', Cookie: `shido_session=${expert.cookie}`,
                 'X-CSRF-Token': expert.csrf },
      body: JSON.stringify({ role: 'staff', name: 'ホスト確認' }),
    });
    assert.equal(res.status, 201, res.text);
    const link = res.data.items[0].url;
    assert.ok(link.startsWith(`${server.baseUrl}/a/`), link);
    assert.doesNotMatch(link, /evil/);
  });

  test('a login whose Origin and Host both say evil.example is refused as cross-site', async () => {
    const res = await raw(server.baseUrl, 'POST', '/api/v1/auth/login', {
      host: 'evil.example',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ email: DEMO.expert1, password: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 403, res.text);
    assert.equal(res.data.error.code, 'csrf');
    // From the server's own origin the same login works.
    const ok = await raw(server.baseUrl, 'POST', '/api/v1/auth/login', {
      headers: { 'Content-Type': 'application/json', Origin: server.baseUrl },
      body: JSON.stringify({ email: DEMO.expert1, password: DEMO_PASSWORD }),
    });
    assert.equal(ok.status, 200, ok.text);
  });

  test('--allowed-hosts adds the names a proxy reaches the server by', async () => {
    const proxied = await startServer({ serveArgs: ['--allowed-hosts', 'shido.test:8443, other.test'] });
    try {
      const login = (origin) => raw(proxied.baseUrl, 'POST', '/api/v1/auth/login', {
        host: 'shido.test:8443',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ email: DEMO.expert1, password: DEMO_PASSWORD }),
      });
      assert.equal((await login('https://shido.test:8443')).status, 200);
      assert.equal((await login('https://evil.example')).status, 403);
    } finally {
      await proxied.stop();
    }
  });
});
