// Accounts made as people make them: the secretariat (or a company's owner) invites, the
// person opens the link of the invitation mail and chooses a password.
import assert from 'node:assert/strict';
import { Client, contentDir, runShido } from './server.mjs';
import { linkToken, mailTo } from './mail.mjs';

export const INVITATION_SUBJECT = '【shido】アカウントへのご招待';
export const RESET_SUBJECT = '【shido】パスワードの再設定';

// Accepts the newest invitation mail to `email` with `password`: the person's signed-in Client.
export async function acceptInvitation(server, smtp, email, password, { after = 0 } = {}) {
  const token = linkToken(await mailTo(smtp, email, INVITATION_SUBJECT, { after }));
  const client = new Client(server.baseUrl);
  const res = await client.post('/api/v1/auth/invitations/accept', { token, password });
  assert.equal(res.status, 200, res.text);
  client.csrf = res.data.csrf_token;
  client.user = res.data.user;
  return client;
}

// POST `invitePath` (/api/v1/users, or a company's /members) as `inviter`, then accepts the
// invitation: { user (as created), client (signed in), password }.
export async function inviteAndAccept(server, smtp, inviter, invitePath, body, password = 'long-enough-password') {
  const res = await inviter.post(invitePath, body);
  assert.equal(res.status, 201, res.text);
  const client = await acceptInvitation(server, smtp, res.data.email, password);
  return { user: res.data, client, password };
}

// An account with a password, made by the operator's `shido user add` (no mail): for tests
// that need a person, not the invitation. Returns { id, email, password }.
export async function addAccount(server, { email, name, role, company_id, company_role, password = 'long-enough-password' }) {
  const args = ['user', 'add', '--db', server.dbUrl, '--content', contentDir, '--email', email, '--name', name, '--role', role];
  if (company_id) args.push('--company-id', String(company_id));
  if (company_role) args.push('--company-role', company_role);
  const { stdout } = await runShido(args, { env: { SHIDO_PASSWORD: password } });
  const id = Number(/id (\d+)/.exec(stdout)?.[1]);
  assert.ok(id > 0, stdout);
  return { id, email, password };
}
