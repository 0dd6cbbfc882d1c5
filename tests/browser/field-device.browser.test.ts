import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signSessionToken } from '@relais/domain';
import { serveBackOffice } from '../../frontends/shell/server/serve';
import { browserSkipReason, launchChromium } from '../support/browser';
import { api, fieldJobs, fieldPassword, openFieldApp, pendingOnPhone, signInApi, signInOnPhone } from '../support/field-app';
import { mailTo } from '../support/mail-catcher';

/**
 * The field app's life on a real phone beyond one job: a new version deployed while the app is open
 * (the prompt, the update on request, the queue and the report being typed kept), a second technician
 * signing in on the same phone (the previous owner's unsent work neither shown nor dropped silently),
 * and a session that expires while work waits (sign in again, each command sent once).
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const gatewayUrl = inject('gatewayUrl');
const fieldDist = join(import.meta.dirname, '../../frontends/field/dist');
const skipReason = browserSkipReason(backOfficeUrl);
const theo = { email: 'technicien@demo.relais.fr', fullName: 'Théo Le Floch' };

describe.skipIf(skipReason !== null)(`field app on a shared, updated phone${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let planner: string;
  let theoId: string;
  let jobs: Awaited<ReturnType<typeof fieldJobs>>;

  beforeAll(async () => {
    browser = await launchChromium();
    planner = await signInApi(gatewayUrl, 'planning@demo.relais.fr');
    const technician = await signInApi(gatewayUrl, theo.email);
    theoId = (await api<{ me: { technician: { id: string } } }>(gatewayUrl, '{ me { technician { id } } }', {}, technician)).me.technician
      .id;
    jobs = await fieldJobs(gatewayUrl, planner);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const appUrl = () => new URL('/terrain/', backOfficeUrl).href;
  const unique = () => Date.now().toString(36);
  const auditStatuses = async (id: string) => {
    const admin = await signInApi(gatewayUrl, 'admin@demo.relais.fr');
    const { auditLog } = await api<{ auditLog: { changes: { status?: { to: string } } }[] }>(
      gatewayUrl,
      'query($id: ID) { auditLog(rowId: $id, tableName: "interventions", first: 100) { changes } }',
      { id },
      admin,
    );
    return auditLog.flatMap((entry) => (entry.changes.status ? [entry.changes.status.to] : []));
  };

  it('offers a new version deployed while the app is open, and updates on request keeping the queue and the report being typed', async () => {
    // The app served from a copy of its build, so that a "deployment" changes nothing other tests use.
    const root = mkdtempSync(join(tmpdir(), 'relais-field-update-'));
    const dist = join(root, 'field/dist');
    cpSync(fieldDist, dist, { recursive: true });
    mkdirSync(join(root, 'shell/dist'), { recursive: true });
    const server = await serveBackOffice({ port: 0, gatewayUrl, distRoot: root });
    try {
      const job = await jobs.scheduledJob(`Terrain mise à jour — ${unique()}`, 13, theoId);
      const { context, page } = await openFieldApp(browser, new URL('/terrain/', server.url).href);
      // Once the first version's worker controls the page, a new one waits for the technician.
      await page.reload();
      await page.getByRole('link', { name: new RegExp(job.title) }).waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      // The API is out of reach: the start stays queued; hours are typed but not saved yet.
      await context.route('**/graphql', (route) => route.abort('internetdisconnected'));
      await page.getByRole('link', { name: new RegExp(job.title) }).click();
      await page.getByRole('button', { name: 'Démarrer' }).click();
      await expect.poll(() => pendingOnPhone(page)).toBe('1 action en attente');
      await page.getByRole('button', { name: 'Ajouter des heures' }).click();
      await page.getByLabel('Heures', { exact: true }).fill('1,5');

      // A new version is deployed: another index.html, hence another precache manifest and another sw.js.
      for (const name of readdirSync(dist).filter((file) => /^(index\.html|sw\.js)\.(gz|br)$/.test(file))) rmSync(join(dist, name));
      const index = readFileSync(join(dist, 'index.html'), 'utf8');
      writeFileSync(join(dist, 'index.html'), index.replace('<head>', '<head>\n    <meta name="relais-build" content="v2" />'));
      const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
      const newWorker = worker.replace(/(\{url:"index\.html",revision:")[0-9a-f]+"/, '$1v2-deployed"');
      expect(newWorker).not.toBe(worker);
      writeFileSync(join(dist, 'sw.js'), newWorker);
      await page.evaluate(() => {
        (window as unknown as { oldPage: boolean }).oldPage = true;
      });
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));

      const prompt = page.getByRole('alert', { name: 'Nouvelle version disponible' });
      await prompt.waitFor({ timeout: 30_000 });
      expect(await prompt.textContent()).toContain(
        'Rien ne se recharge sans vous : votre action en attente et le rapport en cours de saisie restent sur le téléphone pendant la mise à jour.',
      );
      await page.screenshot({ path: join('/tmp', 'hd-field-update-prompt.png') });
      // The new version waits: nothing reloaded under the technician's fingers.
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).toBe(true);
      expect(await page.locator('meta[name="relais-build"]').count()).toBe(0);

      const reloaded = page.waitForEvent('framenavigated');
      await prompt.getByRole('button', { name: 'Mettre à jour' }).click();
      await reloaded;
      await page.locator('meta[name="relais-build"]').waitFor({ state: 'attached' });
      expect(await page.evaluate(() => (window as unknown as { oldPage?: boolean }).oldPage)).toBeUndefined();
      await page.getByRole('heading', { name: job.title }).waitFor();
      await expect.poll(() => pendingOnPhone(page)).toBe('1 action en attente');
      expect(await page.getByLabel('Heures', { exact: true }).inputValue()).toBe('1,5');
      expect(await page.getByRole('alert', { name: 'Nouvelle version disponible' }).count()).toBe(0);

      // The API back: the queue and the report saved from the new version reach the server once.
      await context.unroute('**/graphql');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => pendingOnPhone(page), { timeout: 20_000 }).toBe('Tout est envoyé');
      const after = await jobs.serverJob(job.id);
      expect(after.status).toBe('IN_PROGRESS');
      expect(after.report.labour.map((entry) => entry.hours)).toEqual(['1.50']);
      expect(after.version).toBe(job.version + 2);
      await context.close();
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  describe('another technician on the same phone', () => {
    const maelle = { email: `maelle.${unique()}@demo.relais.fr`, fullName: 'Maëlle Quéré-Test', password: 'un mot de passe solide' };
    let maelleId: string;

    beforeAll(async () => {
      const admin = await signInApi(gatewayUrl, 'admin@demo.relais.fr');
      const { inviteUser } = await api<{ inviteUser: { id: string } }>(
        gatewayUrl,
        'mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
        { input: { email: maelle.email, fullName: maelle.fullName, role: 'TECHNICIAN' } },
        admin,
      );
      const mail = await mailTo(maelle.email, '');
      const token = decodeURIComponent(/jeton=([^\s]+)/.exec(mail.text)![1]!);
      // Setting the password is done signed out, from the mailed link.
      const accepted = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) }',
          variables: { token, password: maelle.password },
        }),
      });
      expect(await accepted.json()).toEqual({ data: { acceptInvitation: true } });
      const { createTechnician } = await api<{ createTechnician: { id: string } }>(
        gatewayUrl,
        'mutation($input: TechnicianInput!) { createTechnician(input: $input) { id } }',
        { input: { fullName: maelle.fullName, email: maelle.email, userId: inviteUser.id, skills: ['CVC'] } },
        planner,
      );
      maelleId = createTechnician.id;
    });

    const signOut = (page: Page) => page.getByRole('button', { name: 'Se déconnecter' }).first().click();

    it('keeps the previous technician’s unsent work out of sight until they send it, then clears it for the next one', async () => {
      const theoJob = await jobs.scheduledJob(`Terrain partagé — Théo ${unique()}`, 14, theoId);
      const maelleJob = await jobs.scheduledJob(`Terrain partagé — Maëlle ${unique()}`, 15, maelleId);
      const { context, page } = await openFieldApp(browser, appUrl());
      await page.getByRole('link', { name: new RegExp(theoJob.title) }).click();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Démarrer' }).click();
      await expect.poll(() => pendingOnPhone(page)).toBe('1 action en attente');
      await signOut(page);
      await context.setOffline(false);

      // Maëlle signs in: Théo's start is still on the phone, so nothing of the phone is shown to her.
      await signInOnPhone(page, maelle.email, maelle.password);
      const warning = page.getByRole('alert', { name: 'Ce téléphone garde le travail d’un autre technicien' });
      await warning.waitFor();
      expect(await warning.textContent()).toContain('Théo Le Floch a une saisie qui n’est pas encore envoyée.');
      await page.screenshot({ path: join('/tmp', 'hd-field-other-technician.png'), fullPage: true });
      expect(await page.getByText(theoJob.title).count()).toBe(0);
      expect(await page.getByText(maelleJob.title).count()).toBe(0);
      expect((await jobs.serverJob(theoJob.id)).status).toBe('SCHEDULED');

      // Théo signs in again from there: his start is sent, once.
      await page.getByRole('button', { name: 'Se reconnecter en tant que Théo Le Floch pour envoyer' }).click();
      expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(theo.email);
      await page.getByText('Connectez-vous en tant que Théo Le Floch : sa saisie non envoyée partira dès la connexion.').waitFor();
      await page.getByLabel('Mot de passe').fill(fieldPassword);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      // The server's state first: right after a sign-in the bar may read « Tout est envoyé » before the queue is loaded.
      await expect.poll(async () => (await jobs.serverJob(theoJob.id)).status, { timeout: 20_000 }).toBe('IN_PROGRESS');
      await expect.poll(() => pendingOnPhone(page), { timeout: 20_000 }).toBe('Tout est envoyé');

      // Nothing left to send: Maëlle's sign-in clears Théo's data and loads her own day.
      await signOut(page);
      await signInOnPhone(page, maelle.email, maelle.password);
      await page.getByRole('link', { name: new RegExp(maelleJob.title) }).waitFor();
      expect(await page.getByText(theoJob.title).count()).toBe(0);
      await page.goto(`${appUrl()}#/intervention/${encodeURIComponent(theoJob.id)}`);
      await page.getByText('Cette intervention n’est pas sur ce téléphone.').waitFor();
      expect((await auditStatuses(theoJob.id)).filter((status) => status === 'IN_PROGRESS')).toHaveLength(1);
      await context.close();
    });

    it('drops the previous technician’s unsent work only when the new one confirms it', async () => {
      const theoJob = await jobs.scheduledJob(`Terrain partagé, abandon — Théo ${unique()}`, 16, theoId);
      const maelleJob = await jobs.scheduledJob(`Terrain partagé, abandon — Maëlle ${unique()}`, 17, maelleId);
      const { context, page } = await openFieldApp(browser, appUrl(), maelle.email, maelle.password);
      await page.getByRole('link', { name: new RegExp(maelleJob.title) }).click();
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Démarrer' }).click();
      await page.getByRole('button', { name: 'Ajouter des heures' }).click();
      await page.getByLabel('Heures', { exact: true }).fill('2');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => pendingOnPhone(page)).toBe('2 actions en attente');
      await signOut(page);
      await context.setOffline(false);

      await signInOnPhone(page, theo.email);
      const warning = page.getByRole('alert', { name: 'Ce téléphone garde le travail d’un autre technicien' });
      await warning.waitFor();
      expect(await warning.textContent()).toContain(`${maelle.fullName} a 2 saisies qui ne sont pas encore envoyées.`);
      expect(await page.getByText(maelleJob.title).count()).toBe(0);
      await page.getByRole('button', { name: 'Abandonner les 2 saisies non envoyées' }).click();
      await page.getByText(`Les 2 saisies de ${maelle.fullName} seront effacées du téléphone sans être envoyées.`).waitFor();
      // Changing one's mind keeps everything.
      await page.getByRole('button', { name: 'Ne rien effacer' }).click();
      await page.getByRole('button', { name: 'Abandonner les 2 saisies non envoyées' }).click();
      await page.getByRole('button', { name: 'Oui, effacer les 2 saisies' }).click();

      await page.getByRole('link', { name: new RegExp(theoJob.title) }).waitFor();
      await expect.poll(() => pendingOnPhone(page)).toBe('Tout est envoyé');
      expect(await page.getByText(maelleJob.title).count()).toBe(0);
      const untouched = await jobs.serverJob(maelleJob.id);
      expect(untouched.status).toBe('SCHEDULED');
      expect(untouched.version).toBe(maelleJob.version);
      await context.close();
    });
  });

  it('keeps the queue when the session expires, and sends each command once after signing in again', async () => {
    const job = await jobs.scheduledJob(`Terrain session expirée — ${unique()}`, 18, theoId);
    const { context, page } = await openFieldApp(browser, appUrl());
    await page.getByRole('link', { name: new RegExp(job.title) }).click();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByRole('button', { name: 'Ajouter des heures' }).click();
    await page.getByLabel('Heures', { exact: true }).fill('3,25');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => pendingOnPhone(page)).toBe('2 actions en attente');

    // Meanwhile the session the app keeps (the back-office's, in localStorage) expires.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('relais.session')))!) as {
      token: string;
      user: { id: string; email: string; role: string; tenant: { id: string } };
    };
    const { token: expired } = await signSessionToken(
      { id: stored.user.id, tenantId: stored.user.tenant.id, role: 'technician', email: stored.user.email },
      inject('sessionSecret'),
      -60,
    );
    await page.evaluate((session) => localStorage.setItem('relais.session', session), JSON.stringify({ ...stored, token: expired }));

    await context.setOffline(false);
    const expiredAlert = page.getByRole('alert').filter({ hasText: 'Session expirée — se reconnecter' });
    await expiredAlert.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join('/tmp', 'hd-field-session-expired.png') });
    expect(await pendingOnPhone(page)).toBe('2 actions en attente');
    const meanwhile = await jobs.serverJob(job.id);
    expect(meanwhile.status).toBe('SCHEDULED');
    expect(meanwhile.version).toBe(job.version);

    await expiredAlert.getByRole('button', { name: 'Se reconnecter' }).click();
    await page
      .getByText('Votre session a expiré. Vos 2 actions en attente restent sur le téléphone : elles partiront dès la reconnexion.')
      .waitFor();
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(theo.email);
    await page.getByLabel('Mot de passe').fill(fieldPassword);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The server's state first: right after a sign-in the bar may read « Tout est envoyé » before the queue is loaded.
    await expect.poll(async () => (await jobs.serverJob(job.id)).version, { timeout: 20_000 }).toBe(job.version + 2);
    await expect.poll(() => pendingOnPhone(page), { timeout: 20_000 }).toBe('Tout est envoyé');

    const after = await jobs.serverJob(job.id);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.report.labour.map((entry) => entry.hours)).toEqual(['3.25']);
    expect(after.version).toBe(job.version + 2);
    expect((await auditStatuses(job.id)).filter((status) => status === 'IN_PROGRESS')).toHaveLength(1);
    await context.close();
  });
});
