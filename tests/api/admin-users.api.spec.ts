import { beforeAll, describe, expect, inject, it } from 'vitest';
import { errorCodes, gql, login, must } from '../support/graphql-client';
import { mailTo } from '../support/mail-catcher';
import { createTestTenant, type TestTenant } from '../support/tenants';

interface UserRow {
  id: string;
  email: string;
  fullName: string;
  role: string;
  active: boolean;
}

const USER = 'id email fullName role active';
const USERS = `{ users { ${USER} } }`;
const CHANGE_ROLE = `mutation($id: ID!, $role: Role!) { changeUserRole(id: $id, role: $role) { ${USER} } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { ${USER} } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { ${USER} } }`;
const INVITATION_EMAIL = 'query($token: String!) { invitationEmail(token: $token) }';
const ACCEPT = 'mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) }';

let tenant: TestTenant;
let adminToken: string;
let admin: UserRow;

const users = async (token = adminToken) => must(await gql<{ users: UserRow[] }>(USERS, {}, token)).users;

beforeAll(async () => {
  tenant = await createTestTenant('admin-users');
  adminToken = await login(tenant.adminEmail);
  [admin] = (await users()) as [UserRow];
});

describe('user administration through the gateway', () => {
  it('refuses demoting or deactivating the last active admin (LAST_ADMIN), changing nothing', async () => {
    expect(errorCodes(await gql(CHANGE_ROLE, { id: admin.id, role: 'PLANNER' }, adminToken))).toEqual(['LAST_ADMIN']);
    expect(errorCodes(await gql(SET_ACTIVE, { id: admin.id, active: false }, adminToken))).toEqual(['LAST_ADMIN']);
    expect(await users()).toEqual([{ ...admin, role: 'ADMIN', active: true }]);
  });

  it('refuses a bad invitation with the fields named, and an address already used (EMAIL_TAKEN)', async () => {
    const bad = await gql(INVITE, { input: { email: 'pas-une-adresse', fullName: ' ', role: 'PLANNER' } }, adminToken);
    expect(errorCodes(bad)).toEqual(['VALIDATION_FAILED']);
    expect(bad.errors?.[0]?.extensions?.['fields']).toEqual([
      expect.objectContaining({ field: 'email', reason: 'INVALID' }),
      expect.objectContaining({ field: 'fullName', reason: 'REQUIRED' }),
    ]);
    const taken = await gql(INVITE, { input: { email: tenant.adminEmail.toUpperCase(), fullName: 'Double', role: 'PLANNER' } }, adminToken);
    expect(errorCodes(taken)).toEqual(['EMAIL_TAKEN']);
    expect(await users()).toHaveLength(1);
  });

  it('invites a user who sets their password once through the mailed link, then signs in', async () => {
    const email = `nouvelle.admin@${tenant.adminEmail.split('@')[1]}`;
    const invited = must(
      await gql<{ inviteUser: UserRow }>(INVITE, { input: { email, fullName: 'Nora Kerjean', role: 'ADMIN' } }, adminToken),
    ).inviteUser;
    expect(invited).toMatchObject({ email, fullName: 'Nora Kerjean', role: 'ADMIN', active: true });
    // The platform publishes the mail's job on commit: it leaves within seconds, not at the mail worker's sweep.
    const mail = await mailTo(email, 'Test admin-users vous invite sur Relais');
    // The password page is the back-office's (BACKOFFICE_URL), not a public page of the gateway.
    const link = /(http\S+\/definir-mot-de-passe\?jeton=\S+)/.exec(mail.text)![1]!;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/definir-mot-de-passe\?jeton=/);
    expect(new URL(link).origin).not.toBe(new URL(inject('gatewayUrl')).origin);
    const token = decodeURIComponent(/jeton=([^\s]+)/.exec(mail.text)![1]!);

    expect(must(await gql(INVITATION_EMAIL, { token }))).toEqual({ invitationEmail: email });
    expect(errorCodes(await gql(INVITATION_EMAIL, { token: `${token}x` }))).toEqual(['INVALID_INVITATION']);

    expect(errorCodes(await gql(ACCEPT, { token, password: 'court' }))).toEqual(['VALIDATION_FAILED']);
    expect(errorCodes(await gql(ACCEPT, { token: `${token}x`, password: 'un mot de passe solide' }))).toEqual(['INVALID_INVITATION']);
    expect(must(await gql(ACCEPT, { token, password: 'un mot de passe solide' }))).toEqual({ acceptInvitation: true });
    expect(errorCodes(await gql(ACCEPT, { token, password: 'un autre mot de passe' }))).toEqual(['INVALID_INVITATION']);
    expect(errorCodes(await gql(INVITATION_EMAIL, { token }))).toEqual(['INVALID_INVITATION']);
    const noraToken = await login(email, 'un mot de passe solide');

    // Two admins: the first may now be deactivated; Nora, the last active one, may not step down.
    expect(must(await gql<{ setUserActive: UserRow }>(SET_ACTIVE, { id: admin.id, active: false }, noraToken)).setUserActive.active).toBe(
      false,
    );
    await expect(login(tenant.adminEmail)).rejects.toThrow(/INVALID_CREDENTIALS/);
    expect(errorCodes(await gql(CHANGE_ROLE, { id: invited.id, role: 'BILLING' }, noraToken))).toEqual(['LAST_ADMIN']);
    expect(must(await gql<{ setUserActive: UserRow }>(SET_ACTIVE, { id: admin.id, active: true }, noraToken)).setUserActive.active).toBe(
      true,
    );
    expect(
      must(await gql<{ changeUserRole: UserRow }>(CHANGE_ROLE, { id: invited.id, role: 'PLANNER' }, adminToken)).changeUserRole.role,
    ).toBe('PLANNER');

    // A planner may not administer users.
    const plannerToken = await login(email, 'un mot de passe solide');
    expect(errorCodes(await gql(USERS, {}, plannerToken))).toEqual(['FORBIDDEN']);

    // The role change is in the audit log, found by author and record type.
    const log = must(
      await gql<{ auditLog: { rowId: string; action: string; changes: Record<string, unknown> }[] }>(
        'query($actorId: ID, $tableName: String) { auditLog(actorId: $actorId, tableName: $tableName) { rowId action changes } }',
        { actorId: admin.id, tableName: 'users' },
        adminToken,
      ),
    ).auditLog;
    expect(log[0]).toEqual({ rowId: invited.id, action: 'update', changes: { role: { from: 'admin', to: 'planner' } } });
  });

  it('stamps an API key’s last use, which the audit log does not record', async () => {
    const created = must(
      await gql<{ createApiKey: { token: string; apiKey: { id: string } } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { token apiKey { id } } }',
        { input: { name: 'ERP', scopes: ['maintenance:read'] } },
        adminToken,
      ),
    ).createApiKey;
    must(await gql('{ customers(first: 1) { totalCount } }', {}, created.token));
    let lastUsedAt: string | null = null;
    for (let attempt = 0; attempt < 50 && !lastUsedAt; attempt++) {
      const keys = must(
        await gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>('{ apiKeys { id lastUsedAt } }', {}, adminToken),
      ).apiKeys;
      lastUsedAt = keys.find((key) => key.id === created.apiKey.id)?.lastUsedAt ?? null;
      if (!lastUsedAt) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(lastUsedAt).not.toBeNull();
    const log = must(
      await gql<{ auditLog: { action: string }[] }>(
        'query($rowId: ID) { auditLog(rowId: $rowId) { action } }',
        { rowId: created.apiKey.id },
        adminToken,
      ),
    ).auditLog;
    expect(log.map((entry) => entry.action)).toEqual(['insert']);
  });
});
