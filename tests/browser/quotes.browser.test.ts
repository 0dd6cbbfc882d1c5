import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../support/browser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * A quote's life seen by the billing clerk and the customer: typed in sections with an option
 * and live totals, sent, accepted and signed by the customer on the public page (option taken),
 * then billed with a 30 % deposit invoice, each amount checked to the cent.
 */
const backOfficeUrl = process.env['RELAIS_BACKOFFICE_URL'] ?? inject('backOfficeUrl') ?? undefined;
const screenshots = join(process.cwd(), 'test-results', 'quotes');
const password = 'relais-demo';

const skipReason = browserSkipReason(backOfficeUrl);

describe.skipIf(skipReason !== null)(
  `quotes in Chromium${skipReason ? ` — skipped: ${skipReason}` : ''}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    const newPage = async () =>
      (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1500, height: 950 } })).newPage();

    async function openAs(email: string): Promise<Page> {
      const page = await newPage();
      await page.goto(backOfficeUrl!);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      return page;
    }

    /** Amounts as shown (1 234,56 €), with Intl's narrow no-break spaces read as plain spaces. */
    const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s/g, ' ').trim();

    it('the clerk sends a quote, the customer signs it online with an option, the clerk bills a 30 % deposit', async () => {
      const page = await openAs('facturation@demo.relais.fr');
      await page.getByRole('tab', { name: 'Devis' }).click();
      await page.getByRole('heading', { name: 'Devis', exact: true }).waitFor();
      await page.getByRole('table').getByText('Accepté').first().waitFor();
      await page.screenshot({ path: join(screenshots, '0-quotes.png') });
      await page.getByRole('link', { name: 'Nouveau devis' }).click();
      await page.getByRole('heading', { name: 'Nouveau devis' }).waitFor();

      await page.getByRole('combobox', { name: 'Choisir le client' }).fill('a');
      await page.getByRole('option').first().click();
      await page.getByLabel('Objet du devis').fill('Remplacement de la vanne 3 voies du réseau de chauffage');
      await page.getByLabel('Titre de la section 1').fill('Dépose');
      await page.getByLabel('Désignation, ligne 1').fill('Vidange et dépose de la vanne existante');
      await page.getByLabel('Quantité, ligne 1').fill('2');
      await page.getByLabel('Prix unitaire HT, ligne 1').fill('150');

      await page.getByRole('button', { name: 'Ajouter une section' }).click();
      const supplies = page.getByTestId('quote-section').nth(1);
      await page.getByLabel('Titre de la section 2').fill('Fournitures');
      await page.getByLabel('Désignation, ligne 2').fill('Vanne 3 voies DN25 motorisée');
      await page.getByLabel('Prix unitaire HT, ligne 2').fill('420');
      await supplies.getByRole('button', { name: 'Ajouter une ligne' }).click();
      await page.getByLabel('Désignation, ligne 3').fill('Calorifugeage des tuyauteries');
      await page.getByLabel('Quantité, ligne 3').fill('10');
      await page.getByLabel('Prix unitaire HT, ligne 3').fill('12,50');
      await page.getByLabel('Option, ligne 3').check();

      // 2 × 150 + 420 = 720,00 HT counted (the option, 125,00, is not); VAT 20 %: 144,00; 864,00 TTC.
      await expect.poll(() => text(page.getByTestId('quote-total-gross'))).toBe('864,00 €');
      expect(await text(page.getByTestId('quote-total-net'))).toBe('720,00 €');
      expect(await text(page.getByTestId('quote-line-net').nth(2))).toBe('125,00 €');
      expect(await text(supplies.getByTestId('quote-section-subtotal'))).toBe('Sous-total HT : 420,00 €');
      await page.screenshot({ path: join(screenshots, '1-new-quote.png'), fullPage: true });

      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.waitForURL(/\/facturation\/devis\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de devis' }).waitFor();
      const quoteUrl = page.url();
      expect(await text(page.getByTestId('quote-total-gross'))).toBe('864,00 €');
      expect(await page.getByLabel('Titre de la section 2').inputValue()).toBe('Fournitures');

      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page.getByRole('button', { name: 'Envoyer le devis' }).click();
      await page.getByRole('heading', { name: /^Devis D-\d{4}-\d{5}$/ }).waitFor();
      expect(await page.getByTestId('quote-status').textContent()).toBe('Envoyé');
      const publicUrl = (await page.getByTestId('quote-sent').getByTestId('quote-public-link').getAttribute('href')) ?? '';
      expect(publicUrl).toMatch(/\/public\/quotes\/[A-Za-z0-9_-]+$/);
      await page.screenshot({ path: join(screenshots, '2-sent.png'), fullPage: true });

      const customer = await newPage();
      await customer.goto(publicUrl);
      await customer.getByRole('heading', { name: /^Devis D-/ }).waitFor();
      await customer.getByLabel('Option — je la retiens').check();
      await customer.getByLabel('Nom et qualité du signataire').fill('Claire Martin, gérante');
      const canvas = customer.getByLabel('Zone de signature');
      await canvas.scrollIntoViewIfNeeded();
      const pad = (await canvas.boundingBox())!;
      await customer.mouse.move(pad.x + 30, pad.y + 120);
      await customer.mouse.down();
      for (const [dx, dy] of [
        [60, -70],
        [110, -20],
        [150, -90],
        [210, -30],
        [260, -80],
      ] as const)
        await customer.mouse.move(pad.x + 30 + dx, pad.y + 120 + dy, { steps: 6 });
      await customer.mouse.up();
      await customer.screenshot({ path: join(screenshots, '3-customer-signing.png'), fullPage: true });
      await customer.getByRole('button', { name: 'Accepter et signer' }).click();
      await customer.getByRole('heading', { name: 'Accusé d’acceptation' }).waitFor();
      // With the option: 845,00 HT, 169,00 VAT, 1 014,00 TTC.
      expect((await text(customer.locator('#receipt'))).replace(/ /g, ' ')).toContain('1 014,00 €');
      await customer.screenshot({ path: join(screenshots, '4-customer-accepted.png'), fullPage: true });
      await customer.context().close();

      await page.reload();
      await expect.poll(() => page.getByTestId('quote-status').textContent(), { timeout: 10_000 }).toBe('Accepté');
      const decision = page.getByTestId('quote-decision');
      await decision.getByText('Claire Martin, gérante').waitFor();
      await decision.getByText('Le client, en ligne').waitFor();
      await decision.getByRole('img', { name: 'Signature de Claire Martin, gérante' }).waitFor();
      expect(await text(page.getByTestId('quote-total-gross'))).toBe('1 014,00 €');
      expect(await text(page.getByTestId('quote-remaining-net'))).toBe('845,00 €');
      await page.screenshot({ path: join(screenshots, '5-accepted.png'), fullPage: true });

      await page.getByRole('button', { name: 'Facture d’acompte' }).click();
      await page.getByLabel('Pourcentage de l’acompte').fill('30');
      await page.getByRole('button', { name: 'Créer la facture d’acompte' }).click();
      await page.waitForURL(/\/facturation\/factures\/[^/]+$/);
      await page.getByRole('heading', { name: 'Brouillon de facture d’acompte' }).waitFor();
      // 30 % of 845,00 = 253,50 HT; VAT 50,70; 304,20 TTC.
      await expect.poll(() => text(page.getByTestId('invoice-total-gross'))).toBe('304,20 €');
      expect(await text(page.getByTestId('invoice-total-net'))).toBe('253,50 €');
      await page.screenshot({ path: join(screenshots, '6-deposit-draft.png'), fullPage: true });

      await page.getByRole('button', { name: 'Émettre', exact: true }).click();
      await page.getByRole('button', { name: 'Émettre définitivement' }).click();
      await page.getByRole('heading', { name: /^Facture d’acompte \S+-\d{4}-\d{5}$/ }).waitFor();
      const depositNumber = (await page.getByTestId('invoice-number').textContent()) ?? '';
      await page.screenshot({ path: join(screenshots, '7-deposit-issued.png'), fullPage: true });

      await page.getByRole('tab', { name: 'À facturer' }).click();
      const billableQuotes = page.getByTestId('billable-quotes');
      await billableQuotes.waitFor();
      await page.screenshot({ path: join(screenshots, '8-billable-quotes.png') });
      const quoteId = quoteUrl.split('/').at(-1)!;
      await billableQuotes.locator(`a[href$="${quoteId}#facturation"]`).click();
      await page.waitForURL(`${quoteUrl}#facturation`);
      const invoices = page.getByTestId('quote-invoices');
      await invoices.getByRole('link', { name: depositNumber }).waitFor();
      expect(await text(invoices)).toContain('Facture d’acompte');
      expect(await text(invoices)).toContain('304,20 €');
      await page.screenshot({ path: join(screenshots, '9-quote-billing.png'), fullPage: true });
      await page.context().close();
    });

    it('warns before sending a quote past its validity and extends it; a cancelled quote says so on its page, in the list and to the customer', async () => {
      const title = `Remise en service de la chaufferie ${Date.now()}`;
      const day = (offset: number) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offset * 86_400_000));
      const french = (iso: string) => iso.split('-').reverse().join('/');
      const page = await openAs('facturation@demo.relais.fr');
      await page.getByRole('tab', { name: 'Devis' }).click();
      await page.getByRole('link', { name: 'Nouveau devis' }).click();
      await page.getByRole('combobox', { name: 'Choisir le client' }).fill('a');
      await page.getByRole('option').first().click();
      await page.getByLabel('Objet du devis').fill(title);
      await page.getByLabel('Valable jusqu’au').fill(day(-5));
      await page.getByLabel('Désignation, ligne 1').fill('Remise en service et réglages');
      await page.getByLabel('Prix unitaire HT, ligne 1').fill('380');
      await page.getByRole('button', { name: 'Créer le brouillon' }).click();
      await page.getByRole('heading', { name: 'Brouillon de devis' }).waitFor();

      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Envoyer le devis par e-mail' });
      const warning = dialog.getByTestId('quote-expired-warning');
      await warning.waitFor();
      expect(await text(warning)).toContain(`Ce devis n’est plus valable depuis le ${french(day(-5))}`);
      expect(await dialog.getByLabel('Nouvelle date de validité').inputValue()).toBe(day(30));
      expect(await dialog.getByLabel('Texte du message').inputValue()).toContain(`valable jusqu’au ${french(day(30))}`);
      expect(await dialog.getByLabel('Texte du message').inputValue()).toMatch(/https?:\/\/[^\s]+\/public\/quotes\/[A-Za-z0-9_-]{43}/);
      expect(await text(dialog.getByTestId('send-attachments'))).toContain('{{numero}}.pdf');
      await dialog.getByLabel('Destinataires').fill('direction@client-devis.test');
      await page.screenshot({ path: join(screenshots, '10-send-expired-warning.png') });
      await dialog.getByRole('button', { name: 'Prolonger et envoyer le devis' }).click();
      await page.getByRole('heading', { name: /^Devis D-\d{4}-\d{5}$/ }).waitFor();
      expect(await page.getByTestId('quote-status').textContent()).toBe('Envoyé');
      expect(await page.getByLabel('Valable jusqu’au').inputValue()).toBe(day(30));
      const publicUrl = (await page.getByTestId('quote-sent').getByTestId('quote-public-link').getAttribute('href')) ?? '';
      expect(publicUrl).toMatch(/^https?:\/\/[^/]+\/public\/quotes\/[A-Za-z0-9_-]{43}$/);

      await page.getByRole('button', { name: 'Annuler le devis' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Annuler le devis' }).click();
      await expect.poll(() => page.getByTestId('quote-status').textContent()).toBe('Annulé');
      await page.getByTestId('quote-cancelled').waitFor();
      for (const action of ['Envoyer', 'Renvoyer', 'Enregistrer l’acceptation', 'Refus', 'Annuler le devis'])
        expect(await page.getByRole('button', { name: action, exact: true }).count()).toBe(0);
      expect(await page.getByTestId('quote-public-link').count()).toBe(0);
      await page.screenshot({ path: join(screenshots, '11-cancelled.png'), fullPage: true });

      await page.getByRole('link', { name: 'Retour aux devis' }).click();
      await page.getByPlaceholder('Rechercher (numéro, objet)').fill(title);
      const row = page.getByRole('row').filter({ hasText: title });
      await expect.poll(() => row.count()).toBe(1);
      expect(await text(row.getByTestId('quote-status'))).toBe('Annulé');
      await page.screenshot({ path: join(screenshots, '12-list-cancelled.png') });
      await page.context().close();

      const customer = await newPage();
      await customer.goto(publicUrl);
      await customer.getByRole('status').filter({ hasText: 'Ce devis n’est plus valable' }).waitFor();
      expect(await customer.getByRole('button', { name: 'Accepter et signer' }).count()).toBe(0);
      await customer.screenshot({ path: join(screenshots, '13-customer-cancelled.png'), fullPage: true });
      await customer.context().close();
    });
  },
  120_000,
);
