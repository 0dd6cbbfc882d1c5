import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserSkipReason, launchChromium, signIn } from '../support/browser';
import { TODAY } from '../support/dates';
import { gql, login, must } from '../support/graphql-client';

/**
 * The planner schedules without dragging (a form, then the keyboard alone) on a week that can be
 * read, and the technician finds the job on the phone the next day, with the customer's number
 * and the way to the site a tap away.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const skipReason = browserSkipReason(backOfficeUrl);
const screenshots = join(process.cwd(), 'test-results', 'planning-board');
const technicianName = 'Théo Le Floch';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const TOMORROW = addDays(TODAY, 1);
const french = (date: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', ...options }).format(new Date(`${date}T12:00:00Z`));
/** "mar. 8 déc.", as the board names a technician's day. */
const dayHeading = (date: string) => french(date, { weekday: 'short', day: 'numeric', month: 'short' });
/** "Mardi 8 décembre", as "Ma journée" titles a day. */
const weekdayLong = (date: string) => {
  const text = french(date, { weekday: 'long', day: 'numeric', month: 'long' });
  return text.charAt(0).toUpperCase() + text.slice(1);
};

interface Request {
  id: string;
  number: string;
  title: string;
  customer: string;
}

/**
 * How this browser's date and time fields take keys (they follow its own locale, not the page's):
 * type 01 02 2003 and 14 00 into scratch fields and see what they hold.
 */
async function fieldOrders(page: Page): Promise<{ dayFirst: boolean; hours24: boolean }> {
  const probe = await page.context().newPage();
  await probe.setContent('<input type="date" aria-label="date"><input type="time" aria-label="time">');
  await probe.getByLabel('date').focus();
  await probe.keyboard.type('01022003');
  await probe.getByLabel('time').focus();
  await probe.keyboard.type('1400');
  const orders = {
    dayFirst: (await probe.getByLabel('date').inputValue()) === '2003-02-01',
    hours24: (await probe.getByLabel('time').inputValue()) === '14:00',
  };
  await probe.close();
  return orders;
}

/** Tab until the focus is on a field of that type (a date field takes a Tab per part). */
async function tabTo(page: Page, type: string) {
  for (let presses = 0; presses < 6; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('type'))) === type) return;
  }
  throw new Error(`no ${type} field reached with Tab`);
}

/** Whether the element shows its whole text (nothing cut by an ellipsis or hidden overflow). */
const showsAllText = (locator: Locator) => locator.evaluate((element) => element.scrollWidth <= element.clientWidth);

describe.skipIf(skipReason !== null)(
  `planning board and phone view in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;
    let byForm: Request;
    let byKeyboard: Request;
    let customerPhone: string;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      browser = await launchChromium();
      const token = await login('planning@demo.relais.fr');
      const { customers } = must(
        await gql<{ customers: { edges: { node: { id: string; name: string; phone: string | null; sites: { id: string }[] } }[] } }>(
          '{ customers(first: 30) { edges { node { id name phone sites { id } } } } }',
          {},
          token,
        ),
      );
      const customer = customers.edges.map((edge) => edge.node).find((node) => node.sites.length > 0 && node.phone)!;
      customerPhone = customer.phone!;
      const request = async (title: string): Promise<Request> => {
        const { createInterventionRequest } = must(
          await gql<{ createInterventionRequest: { id: string; number: string } }>(
            'mutation($input: CreateInterventionRequestInput!) { createInterventionRequest(input: $input) { id number } }',
            {
              input: {
                customerId: customer.id,
                siteId: customer.sites[0]!.id,
                title,
                priority: 'NORMAL',
                type: 'CORRECTIVE',
                estimatedDurationMinutes: 90,
                requiredSkills: ['FLUIDES_CAT1'],
              },
            },
            token,
          ),
        );
        return { ...createInterventionRequest, title, customer: customer.name };
      };
      const suffix = Date.now().toString(36);
      byForm = await request(`Planifiée au formulaire ${suffix}`);
      byKeyboard = await request(`Planifiée au clavier ${suffix}`);
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** The board's week containing tomorrow, the request found in "À planifier". */
    async function openWeek(page: Page, request: Request) {
      await page.goto(new URL(`/planning?du=${TOMORROW}&jours=7`, backOfficeUrl).href);
      await page.getByRole('heading', { name: 'À planifier' }).waitFor();
      await page.getByRole('searchbox', { name: /Filtrer/ }).fill(request.number);
      await page.getByRole('button', { name: request.title }).waitFor();
    }

    /** The job's card in the technician's cell of tomorrow, once the board shows it. */
    async function scheduledCard(page: Page, request: Request) {
      const cell = page.getByRole('cell', { name: `${technicianName} — ${dayHeading(TOMORROW)}` });
      const card = cell.locator(`[data-job-number="${request.number}"]`);
      await card.waitFor();
      return card;
    }

    it('the planner schedules a request with the form: technician, day, time and duration', async () => {
      const page = await signIn(browser, backOfficeUrl!, 'planning@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      await openWeek(page, byForm);
      // A week: "Semaine du…", skills by name, working days wide enough to read, a quiet weekend folded.
      await page.getByText(/^Semaine du /).waitFor();
      await page
        .getByRole('rowheader')
        .filter({ hasText: technicianName })
        .getByText(/Fluides frigorigènes \(cat\. 1\)/)
        .waitFor();

      await page.getByRole('button', { name: byForm.title }).click();
      const dialog = page.getByRole('dialog', { name: `Planifier ${byForm.number}` });
      await dialog.getByRole('combobox', { name: 'Technicien' }).click();
      await page.getByRole('option', { name: technicianName }).click();
      await dialog.getByLabel('Jour', { exact: true }).fill(TOMORROW);
      await dialog.getByLabel('Heure de début').fill('09:30');
      await expect.poll(() => dialog.getByRole('combobox', { name: 'Durée' }).inputValue()).toBe('1,5 h');
      await page.screenshot({ path: join(screenshots, '1-form.png') });
      await dialog.getByRole('button', { name: 'Planifier' }).click();

      await page.getByRole('status').filter({ hasText: byForm.number }).first().waitFor();
      await dialog.waitFor({ state: 'hidden' });
      const card = await scheduledCard(page, byForm);
      // Readable, not a sliver: the time and the customer in full on a card of a real width.
      expect((await card.boundingBox())!.width).toBeGreaterThanOrEqual(110);
      const time = card.getByText('09:30–11:00', { exact: true });
      expect(await showsAllText(time)).toBe(true);
      expect(await card.getByTestId('job-card-customer').textContent()).toBe(byForm.customer);

      const headers = page.getByRole('columnheader');
      for (const header of await headers.all()) {
        const width = (await header.boundingBox())!.width;
        if (await header.getAttribute('data-collapsed')) expect(width).toBeLessThan(60);
        else expect(width).toBeGreaterThanOrEqual(120);
      }
      await page.screenshot({ path: join(screenshots, '2-week-scheduled.png') });

      // 3 days are not a week.
      await page.getByText('3 jours', { exact: true }).click();
      await page.getByText(/^Du \d+ \S+ \d{4} au \d+ \S+ \d{4}$/).waitFor();
      expect(await page.getByText(/^Semaine du /).count()).toBe(0);
      await page.context().close();
    });

    it('the planner schedules a request with the keyboard only', async () => {
      const page = await signIn(browser, backOfficeUrl!, 'planning@demo.relais.fr', { viewport: { width: 1500, height: 950 } });
      const orders = await fieldOrders(page);
      await openWeek(page, byKeyboard);
      await page.getByRole('searchbox', { name: /Filtrer/ }).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-job-number'))).toBe(byKeyboard.number);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Planifier ${byKeyboard.number}` });
      await dialog.waitFor();
      // The technician: type to search, arrow down, Enter.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Théo');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await dialog.getByRole('combobox', { name: 'Technicien' }).inputValue()).toBe(technicianName);
      // The day, typed in the order the browser's date field shows (dd/mm/yyyy in French, mm/dd/yyyy
      // in the test's headless Chromium), then the time, then Enter sends the form.
      await tabTo(page, 'date');
      const [year, month, day] = TOMORROW.split('-');
      await page.keyboard.type(orders.dayFirst ? `${day}${month}${year}` : `${month}${day}${year}`);
      expect(await dialog.getByLabel('Jour', { exact: true }).inputValue()).toBe(TOMORROW);
      await tabTo(page, 'time');
      await page.keyboard.type(orders.hours24 ? '1400' : '0200P');
      expect(await dialog.getByLabel('Heure de début').inputValue()).toBe('14:00');
      await page.screenshot({ path: join(screenshots, '3-keyboard-form.png') });
      await page.keyboard.press('Enter');

      await page.getByRole('status').filter({ hasText: byKeyboard.number }).first().waitFor();
      const card = await scheduledCard(page, byKeyboard);
      // Its name reads as the card shows (the slot first), then the title.
      const name = (await card.getAttribute('aria-label')) ?? '';
      expect(name.startsWith('14:00–15:30 ')).toBe(true);
      expect(name).toContain(`${byKeyboard.number} — ${byKeyboard.title}`);
      await page.screenshot({ path: join(screenshots, '4-keyboard-scheduled.png') });
      await page.context().close();
    });

    it('the intervention list has real row links and status badges shown in full', async () => {
      const page = await signIn(browser, backOfficeUrl!, 'planning@demo.relais.fr', { viewport: { width: 1280, height: 900 } });
      await page.goto(new URL(`/planning/interventions`, backOfficeUrl).href);
      const link = page.getByRole('link', { name: byForm.number, exact: true });
      await page.getByLabel('N° ou titre').fill(byForm.number);
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/planning/interventions/${byForm.id}`);
      await page.getByLabel('N° ou titre').fill('');
      await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(5);
      const badges = page.locator('table .mantine-Badge-label');
      // Our two requests, scheduled above, are among the newest.
      expect(await badges.filter({ hasText: /^Planifiée$/ }).count()).toBeGreaterThanOrEqual(2);
      for (const badge of await badges.all()) {
        expect(await showsAllText(badge), (await badge.textContent()) ?? '').toBe(true);
      }
      await page.screenshot({ path: join(screenshots, '5-interventions.png') });

      // A click anywhere on the row lands on the row's link, which opens the intervention.
      await page.getByLabel('N° ou titre').fill(byForm.number);
      await page.getByRole('row').filter({ hasText: byForm.title }).getByText(byForm.customer).first().click({ force: true });
      await page.getByRole('heading', { name: `${byForm.number} — ${byForm.title}` }).waitFor();

      // An invoiced intervention links to its invoice in the billing app.
      const { interventions } = must(
        await gql<{ interventions: { edges: { node: { id: string; invoice: { id: string; number: string | null } } }[] } }>(
          '{ interventions(first: 1, filter: { status: [INVOICED] }) { edges { node { id invoice { id number } } } } }',
          {},
          await login('planning@demo.relais.fr'),
        ),
      );
      const invoiced = interventions.edges[0]!.node;
      await page.goto(new URL(`/planning/interventions/${invoiced.id}`, backOfficeUrl).href);
      const invoiceLink = page.getByTestId('intervention-invoice');
      await invoiceLink.waitFor();
      expect(await invoiceLink.getAttribute('href')).toBe(`/facturation/factures/${invoiced.invoice.id}`);
      expect(await invoiceLink.textContent()).toBe(invoiced.invoice.number ?? 'Brouillon de facture');
      await page.screenshot({ path: join(screenshots, '6-invoiced-intervention.png'), fullPage: true });
      await page.context().close();
    });

    it('the technician goes to tomorrow on the phone, reads "1,5 h", can call and get directions, and comes back', async () => {
      const page = await signIn(browser, backOfficeUrl!, 'technicien@demo.relais.fr', { viewport: { width: 390, height: 844 } });
      await page.getByRole('heading', { name: 'Ma journée' }).waitFor();
      expect(await page.getByTestId('my-day-date').textContent()).toBe(weekdayLong(TODAY));
      await page.getByRole('button', { name: 'Jour suivant' }).click();
      await expect.poll(() => page.getByTestId('my-day-date').textContent()).toBe(weekdayLong(TOMORROW));
      const job = page.getByRole('link', { name: byForm.title });
      await job.waitFor();
      const card = page.locator('.mantine-Paper-root').filter({ has: job });
      expect(await card.getByTestId('my-day-duration').textContent()).toBe('1,5 h');
      expect(await card.getByRole('link', { name: `Appeler ${customerPhone}` }).getAttribute('href')).toBe(
        `tel:${customerPhone.startsWith('+') ? '+' : ''}${customerPhone.replace(/\D/g, '')}`,
      );
      expect(await card.getByRole('link', { name: 'Itinéraire' }).getAttribute('href')).toMatch(
        /^https:\/\/www\.openstreetmap\.org\/search\?query=/,
      );
      await page.screenshot({ path: join(screenshots, '7-phone-tomorrow.png') });

      // The job's page: the address and the number are links too, and back returns to tomorrow.
      await job.click();
      await page.getByRole('heading', { name: byForm.title }).waitFor();
      expect(await page.getByRole('link', { name: `Appeler ${customerPhone}` }).getAttribute('href')).toMatch(/^tel:\+?\d+$/);
      await page.screenshot({ path: join(screenshots, '8-phone-job.png') });
      await page.getByRole('link', { name: /^‹ Ma journée$/ }).click();
      await expect.poll(() => page.getByTestId('my-day-date').textContent()).toBe(weekdayLong(TOMORROW));
      await page.getByRole('button', { name: 'Jour précédent' }).click();
      await expect.poll(() => page.getByTestId('my-day-date').textContent()).toBe(weekdayLong(TODAY));
      await page.context().close();
    });
  },
  90_000,
);
