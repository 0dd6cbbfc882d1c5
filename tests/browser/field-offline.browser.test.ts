import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FieldCompleteDocument } from '../../frontends/field/src/gql/graphql';
import { browserSkipReason, launchChromium } from '../support/browser';
import { api as gatewayApi, fieldJobs, openFieldApp as openPhone, pendingOnPhone, signInApi, todayInParis } from '../support/field-app';

/**
 * The technician's offline app (/terrain/, frontends/field) on a phone in Chromium: the day is
 * loaded online, the network is cut, the whole report is recorded and the job completed, the page
 * reloaded still offline, and when the network returns the server has the job COMPLETED exactly
 * once; a job the office cancelled meanwhile shows the conflict with both versions.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const gatewayUrl = inject('gatewayUrl');
const screenshots = join(process.cwd(), 'test-results', 'field');
const photo = join(import.meta.dirname, '../../frontends/field/public/icon-512.png');

const skipReason = browserSkipReason(backOfficeUrl);
/** The field app sends its operations by id (trusted documents). */
const completeDocumentId = String(FieldCompleteDocument.__meta__?.['hash']);

describe.skipIf(skipReason !== null)(`offline field app in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let planner: string;
  let technicianId: string;
  let jobs: Awaited<ReturnType<typeof fieldJobs>>;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    browser = await launchChromium();
    planner = await signIn('planning@demo.relais.fr');
    const technician = await signIn('technicien@demo.relais.fr');
    technicianId = (await api<{ me: { technician: { id: string } } }>('{ me { technician { id } } }', {}, technician)).me.technician.id;
    jobs = await fieldJobs(gatewayUrl, planner);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const api = <T>(query: string, variables: Record<string, unknown>, token: string) => gatewayApi<T>(gatewayUrl, query, variables, token);
  const signIn = (email: string) => signInApi(gatewayUrl, email);
  const scheduledJob = (title: string, startHourUtc: number) => jobs.scheduledJob(title, startHourUtc, technicianId);
  const serverJob = (id: string) => jobs.serverJob(id);
  const openFieldApp = () => openPhone(browser, new URL('/terrain/', backOfficeUrl).href);
  const pending = pendingOnPhone;

  async function sign(page: Page) {
    const canvas = page.getByLabel('Signez dans le cadre');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 100);
    await page.mouse.down();
    for (const [dx, dy] of [
      [60, 40],
      [110, 110],
      [170, 50],
      [230, 120],
    ] as const) {
      await page.mouse.move(box.x + dx, box.y + dy, { steps: 6 });
    }
    await page.mouse.up();
  }

  it('records a full report offline, survives a reload, and completes the job once when the network returns', async () => {
    const job = await scheduledJob(`Terrain hors ligne — CTA en défaut ${Date.now().toString(36)}`, 7);
    const { context, page, scriptBytes } = await openFieldApp();
    await page.getByRole('link', { name: new RegExp(job.title) }).waitFor();
    console.log(`field app: ${(scriptBytes() / 1024).toFixed(1)} KB of JavaScript transferred`);
    expect(scriptBytes()).toBeGreaterThan(0);
    expect(scriptBytes()).toBeLessThan(200 * 1024);
    await page.screenshot({ path: join(screenshots, '1-day-online.png') });

    await context.setOffline(true);
    await page.getByText('Hors ligne', { exact: true }).waitFor();
    await page.getByRole('link', { name: new RegExp(job.title) }).click();
    // The equipment's history and the contract came down with the day.
    await page.getByRole('heading', { name: 'Historique de l’équipement' }).waitFor();
    await page.getByRole('heading', { name: 'Contrat' }).waitFor();
    await page.getByRole('button', { name: 'Démarrer' }).click();
    await expect.poll(() => pending(page)).toBe('1 action en attente');

    await page.getByRole('button', { name: 'Ajouter des heures' }).click();
    await page.getByLabel('Heures', { exact: true }).fill('2,5');
    await page.getByLabel('Nombre de déplacements').fill('1');
    await page.getByLabel('Chercher une pièce du catalogue').fill('DET-TES2');
    await page.getByRole('button', { name: /DET-TES2/ }).click();
    await page.getByLabel('N° de série').fill('TES2-889014');
    await page.getByLabel('Ajouter une photo').setInputFiles(photo);
    await page.locator('.photos img').waitFor();
    await page.getByRole('textbox', { name: 'Observations' }).fill('Détendeur remplacé, charge contrôlée.');
    await sign(page);
    await page.getByLabel('Nom du signataire').fill('Mme Le Gall');
    await page.screenshot({ path: join('/tmp', 'h8-phone-report-offline.png'), fullPage: true });
    await page.getByRole('button', { name: 'Terminer l’intervention' }).click();
    await page.getByText('Intervention terminée sur le téléphone').waitFor();
    await expect.poll(() => pending(page)).toBe('3 actions en attente');

    // Still offline: the app comes from the service worker, the queue from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { name: job.title }).waitFor();
    await expect.poll(() => pending(page)).toBe('3 actions en attente');
    await page.getByText('Terminée', { exact: true }).first().waitFor();
    await page.screenshot({ path: join('/tmp', 'h8-phone-offline-reloaded.png') });
    expect((await serverJob(job.id)).status).toBe('SCHEDULED');

    // The network returns, but the answer to "completed" is lost on the way back: the phone sends it
    // again under the same idempotency key and the gateway replays its answer instead of running it twice.
    let completeAnswersLost = 0;
    await context.route('**/graphql', async (route) => {
      if (completeAnswersLost === 0 && route.request().postData()?.includes(completeDocumentId)) {
        completeAnswersLost += 1;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await context.setOffline(false);
    await expect.poll(() => completeAnswersLost, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => pending(page)).toBe('1 action en attente');
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('Tout est envoyé');

    const done = await serverJob(job.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.version).toBe(job.version + 3);
    expect(done.report.labour.map((entry) => entry.hours)).toEqual(['2.50']);
    expect(done.report.travelCount).toBe(1);
    expect(done.report.parts.map((part) => part.serialNumber)).toEqual(['TES2-889014']);
    expect(done.report.photos).toHaveLength(1);
    expect(done.report.signerName).toBe('Mme Le Gall');
    expect(done.report.signatureDataUrl).toMatch(/^data:image\/png;base64,/);
    const admin = await signIn('admin@demo.relais.fr');
    const { auditLog } = await api<{ auditLog: { operation: string | null; changes: { status?: { to: string } } }[] }>(
      'query($id: ID) { auditLog(rowId: $id, tableName: "interventions", first: 100) { operation changes } }',
      { id: job.id },
      admin,
    );
    expect(completeAnswersLost).toBe(1);
    expect(auditLog.filter((entry) => entry.changes.status?.to === 'COMPLETED')).toHaveLength(1);
    expect(auditLog.filter((entry) => entry.changes.status?.to === 'IN_PROGRESS')).toHaveLength(1);
    await page.screenshot({ path: join(screenshots, '2-synced.png') });
    await context.close();
  });

  it('shows both versions when the office cancelled the job meanwhile, and loses nothing', async () => {
    const job = await scheduledJob(`Terrain hors ligne — annulée entre-temps ${Date.now().toString(36)}`, 9);
    const { context, page } = await openFieldApp();
    await page.getByRole('link', { name: new RegExp(job.title) }).click();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByRole('button', { name: 'Ajouter des heures' }).click();
    await page.getByLabel('Heures', { exact: true }).fill('1,5');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => pending(page)).toBe('2 actions en attente');

    const current = await serverJob(job.id);
    await api(
      'mutation($id: ID!, $v: Int!) { cancelIntervention(id: $id, expectedVersion: $v, reason: "Client absent, report demandé") { id } }',
      { id: job.id, v: current.version },
      planner,
    );

    await context.setOffline(false);
    const conflict = page.getByRole('alert', { name: 'Le bureau a modifié cette intervention' });
    await conflict.waitFor({ timeout: 20_000 });
    await expect.poll(() => conflict.getByTestId('version-mine').textContent()).toContain(`Votre version (v${job.version})`);
    const office = (await conflict.getByTestId('version-office').textContent()) ?? '';
    expect(office).toContain(`Version du bureau (v${job.version + 1})`);
    expect(office).toContain('Statut : Annulée');
    expect(office).toContain('Client absent, report demandé');
    expect(await conflict.textContent()).toContain('STALE_VERSION');
    await expect.poll(() => pending(page)).toBe('2 actions en attente');
    await page.getByText('1 conflit à régler').waitFor();
    await page.screenshot({ path: join('/tmp', 'h8-phone-conflict.png'), fullPage: true });

    // Nothing was written on the cancelled job, and the technician's hours are still on the phone.
    const after = await serverJob(job.id);
    expect(after.status).toBe('CANCELLED');
    expect(after.report.labour).toEqual([]);
    await page.reload();
    await page.getByRole('alert', { name: 'Le bureau a modifié cette intervention' }).waitFor();
    await expect.poll(() => pending(page)).toBe('2 actions en attente');

    await page.getByRole('button', { name: 'Abandonner mes saisies' }).click();
    await expect.poll(() => pending(page)).toBe('Tout est envoyé');
    await page.getByText('Intervention annulée').waitFor();
    await context.close();
  });

  it('sends the work again on the office’s version when the office only moved the job', async () => {
    const job = await scheduledJob(`Terrain hors ligne — déplacée entre-temps ${Date.now().toString(36)}`, 11);
    const { context, page } = await openFieldApp();
    await page.getByRole('link', { name: new RegExp(job.title) }).click();

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByRole('button', { name: 'Ajouter des heures' }).click();
    await page.getByLabel('Heures', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => pending(page)).toBe('2 actions en attente');

    // The planner moves it one hour later meanwhile.
    const moved = `${todayInParis()}T12:00:00Z`;
    await api(
      'mutation($id: ID!, $v: Int!, $s: DateTime!, $e: DateTime!, $t: [ID!]!) { scheduleIntervention(id: $id, expectedVersion: $v, start: $s, end: $e, technicianIds: $t) { id } }',
      { id: job.id, v: job.version, s: moved, e: `${todayInParis()}T13:00:00Z`, t: [technicianId] },
      planner,
    );

    await context.setOffline(false);
    const conflict = page.getByRole('alert', { name: 'Le bureau a modifié cette intervention' });
    await conflict.waitFor({ timeout: 20_000 });
    const office = (await conflict.getByTestId('version-office').textContent()) ?? '';
    expect(office).toContain(`Version du bureau (v${job.version + 1})`);
    expect(office).toContain('Statut : Planifiée');
    const parisTime = (iso: string) =>
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    expect(office).toContain(`${parisTime(moved)} – ${parisTime(`${todayInParis()}T13:00:00Z`)}`);
    expect(await conflict.getByTestId('version-mine').textContent()).toContain(parisTime(job.scheduledStart!));
    await page.getByRole('button', { name: 'Renvoyer mes saisies sur la version du bureau' }).click();
    await expect.poll(() => pending(page), { timeout: 20_000 }).toBe('Tout est envoyé');

    const after = await serverJob(job.id);
    expect(after.status).toBe('IN_PROGRESS');
    expect(new Date(after.scheduledStart!).toISOString()).toBe(new Date(moved).toISOString());
    expect(after.report.labour.map((entry) => entry.hours)).toEqual(['1.00']);
    expect(after.version).toBe(job.version + 3);
    await context.close();
  });
});
