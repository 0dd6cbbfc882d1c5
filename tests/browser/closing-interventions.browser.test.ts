import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInterventionRequest, inTenantScope, scheduleIntervention, startIntervention, type Orm } from '@relais/domain';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { adminClient, appOrm } from '../support/database';
import { createMaintenanceWorld, interventionThrough, simpleReport } from '../support/maintenance-world';
import { createTestTenant, type TestTenant } from '../support/tenants';

/**
 * A planner ticks the finished interventions of the list, reads in the confirmation how many will
 * be closed and which are refused and why, closes them in one action and sees each row's result;
 * the billing clerk then finds them in « À facturer ».
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'closing-interventions');
const skipReason = browserSkipReason(backOfficeUrl);
const settled = { timeout: 15_000 };

describe.skipIf(skipReason !== null)(`closing interventions in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`, () => {
  let browser: Browser;
  let orm: Orm;
  let tenant: TestTenant;
  const finished: string[] = [];
  let requested: string;
  let inProgressId: string;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    orm = await appOrm();
    tenant = await createTestTenant('closing-ui');
    const db = await adminClient();
    try {
      for (const [local, name, role] of [
        ['planning', 'Paul Guillou', 'planner'],
        ['facturation', 'Claire Le Goff', 'billing'],
      ])
        await db.query(
          `insert into users (tenant_id, id, email, full_name, role, password_hash)
           select tenant_id, gen_random_uuid(), $2, $3, $4, password_hash from users where email = $1`,
          [tenant.adminEmail, tenant.adminEmail.replace(/^admin@/, `${local}@`), name, role],
        );
    } finally {
      await db.end();
    }
    const w = await createMaintenanceWorld(orm, tenant, []);
    for (const title of ['Entretien CTA bureaux', 'Contrôle chaudière', 'Remplacement filtres'])
      finished.push((await interventionThrough(orm, tenant, w, { title, report: simpleReport(w, '2'), until: 'COMPLETED' })).number);
    requested = (
      await inTenantScope(orm, tenant.identity, { requestId: 'test' }, (em) =>
        createInterventionRequest(em, tenant.identity, { customerId: w.customerId, siteId: w.siteId, title: 'Fuite à rechercher' }),
      )
    ).number;
    inProgressId = await inTenantScope(orm, tenant.identity, { requestId: 'test' }, async (em) => {
      const request = await createInterventionRequest(em, tenant.identity, {
        customerId: w.customerId,
        siteId: w.siteId,
        title: 'Dépannage VMC',
      });
      const start = new Date();
      const scheduled = await scheduleIntervention(em, request.id, {
        technicianIds: [w.theoId],
        start,
        end: new Date(start.getTime() + 3600_000),
        expectedVersion: request.version,
      });
      return (await startIntervention(em, tenant.identity, scheduled.id, scheduled.version)).id;
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await orm?.close(true);
  });

  it('a planner closes several finished interventions in one action; they wait in « À facturer »', async () => {
    const planner = await signIn(browser, backOfficeUrl!, tenant.adminEmail.replace(/^admin@/, 'planning@'));
    await planner.goto(new URL('/planning/interventions', backOfficeUrl!).toString());
    await planner.getByRole('heading', { name: 'Interventions' }).waitFor(settled);
    for (const number of [...finished, requested]) await planner.getByRole('checkbox', { name: `Sélectionner ${number}` }).check();
    await planner.screenshot({ path: join(screenshots, 'list-selected.png') });
    await planner.getByRole('button', { name: 'Clôturer (4)' }).click();
    const dialog = planner.getByRole('dialog', { name: 'Clôturer les interventions' });
    await dialog.getByText('3 interventions seront clôturées et passeront dans « À facturer ».').waitFor(settled);
    expect(await dialog.getByTestId('close-refusals').innerText()).toBe(`${requested} — pas terminée`);
    await planner.screenshot({ path: join(screenshots, 'confirm.png') });

    await dialog.getByRole('button', { name: 'Clôturer 3 interventions' }).click();
    const results = dialog.getByTestId('close-results');
    await results.waitFor(settled);
    const rows = (await results.getByRole('row').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([...finished.map((n) => `${n} Clôturée`), `${requested} Refusée : pas terminée`]);
    await planner.screenshot({ path: join(screenshots, 'results.png') });
    // The footer's « Fermer », after the dialog's close button of the same name.
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();
    await planner.getByRole('button', { name: 'Clôturer (0)' }).waitFor(settled);
    await planner.context().close();

    const clerk = await signIn(browser, backOfficeUrl!, tenant.adminEmail.replace(/^admin@/, 'facturation@'));
    await clerk.goto(new URL('/facturation/a-facturer', backOfficeUrl!).toString());
    await clerk.getByTestId('billable-row').first().waitFor(settled);
    const waiting = await clerk.getByTestId('billable-row').allInnerTexts();
    for (const number of finished)
      expect(
        waiting.some((row) => row.includes(number)),
        number,
      ).toBe(true);
    expect(waiting.some((row) => row.includes(requested))).toBe(false);
    await clerk.screenshot({ path: join(screenshots, 'billable.png') });
    await clerk.context().close();
  });

  it('the customer’s reservations are typed with the signature on the phone and read by the office on the report', async () => {
    const phone = await signIn(browser, backOfficeUrl!, tenant.adminEmail, { viewport: { width: 390, height: 844 } });
    await phone.goto(new URL(`/planning/ma-journee/${inProgressId}`, backOfficeUrl!).toString());
    await phone.getByLabel('Réserves du client').fill('Bruit anormal au redémarrage, à revoir');
    await phone.getByLabel('Réserves du client').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(screenshots, 'my-day-reservations.png') });
    await phone.getByRole('button', { name: 'Enregistrer' }).click();
    await phone.getByText('Rapport enregistré').waitFor(settled);
    await phone.context().close();

    const office = await signIn(browser, backOfficeUrl!, tenant.adminEmail.replace(/^admin@/, 'planning@'));
    await office.goto(new URL(`/planning/interventions/${inProgressId}`, backOfficeUrl!).toString());
    await office.getByRole('heading', { name: 'Réserves du client' }).waitFor(settled);
    await office.getByText('Bruit anormal au redémarrage, à revoir').waitFor();
    await office.screenshot({ path: join(screenshots, 'report-reservations.png'), fullPage: true });
    await office.goto(new URL('/planning/nouvelle-demande', backOfficeUrl!).toString());
    await office.getByRole('heading', { name: 'Nouvelle demande d’intervention' }).waitFor(settled);
    expect(await office.getByRole('alert').count()).toBe(0);
    await office.screenshot({ path: join(screenshots, 'new-request.png'), fullPage: true });
    await office.context().close();
  });
});
