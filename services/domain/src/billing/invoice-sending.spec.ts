import { describe, expect, it } from 'vitest';
import { DEFAULT_INVOICE_MAIL_BODY, DEFAULT_INVOICE_MAIL_SUBJECT, renderMailTemplate } from './invoice-mail.rules';
import { invoiceMailHtml, invoiceMailValues, invoiceOpenBalance, mailTemplates, TRANSFER_QR_FILENAME } from './invoice-sending';

const invoice = {
  typeCode: '380' as const,
  number: 'F-2026-00042',
  issueDate: '2026-11-24',
  dueDate: '2026-12-24',
  totalGross: '443.88',
  amountDue: '443.88',
};
const tenant = { legalName: 'Clim’Ouest Maintenance SAS', iban: 'FR7630004008230001012345669', bic: 'BNPAFRPP' };
/** Amounts are printed with narrow no-break spaces: read as plain spaces. */
const plain = (value: string) => value.replace(/[\u202f\u00a0]/g, ' ');
const text = (values = invoiceMailValues(invoice, tenant, 'Hôtel des Ducs')) =>
  plain(renderMailTemplate(DEFAULT_INVOICE_MAIL_BODY, values));

describe('invoice mail', () => {
  it('gives the bank details in the default text, or says the invoice is collected by direct debit', () => {
    const body = text();
    expect(body).toBe(
      'Bonjour,\n\nVeuillez trouver ci-joint notre facture F-2026-00042 du 24/11/2026, d’un montant de 443,88 € TTC, payable au plus tard le 24/12/2026.\n' +
        'Règlement par virement : IBAN FR76 3000 4008 2300 0101 2345 669, BIC BNPAFRPP.\n\n' +
        'Le PDF joint contient la facture électronique au format Factur-X (EN 16931).\n\nCordialement,\nClim’Ouest Maintenance SAS',
    );
    const debit = text(invoiceMailValues(invoice, tenant, 'Hôtel des Ducs', { directDebit: true }));
    expect(debit).toContain('Règlement par prélèvement SEPA à l’échéance.');
    expect(debit).not.toContain('IBAN');
    // Without an IBAN, the payment line disappears with its line break.
    expect(text(invoiceMailValues(invoice, { ...tenant, iban: null }, 'Hôtel des Ducs'))).toContain('24/12/2026.\n\nLe PDF joint');
  });

  it('uses the tenant’s templates for invoices and a fixed text for credit notes', () => {
    const own = { invoiceMailSubject: 'Votre facture {{numero}}', invoiceMailBody: 'Madame, Monsieur,\n{{montant}}' };
    expect(mailTemplates(invoice, own)).toEqual({ subject: own.invoiceMailSubject, body: own.invoiceMailBody });
    expect(mailTemplates(invoice, { invoiceMailSubject: null, invoiceMailBody: null }).subject).toBe(DEFAULT_INVOICE_MAIL_SUBJECT);
    const credit = { ...invoice, typeCode: '381' as const, number: 'AV-2026-00003' };
    const creditTemplates = mailTemplates(credit, own);
    expect(creditTemplates.subject).toBe(DEFAULT_INVOICE_MAIL_SUBJECT);
    const values = invoiceMailValues(credit, tenant, 'Hôtel des Ducs');
    expect(renderMailTemplate(creditTemplates.subject, values)).toBe('Avoir AV-2026-00003 — Clim’Ouest Maintenance SAS');
    expect(plain(renderMailTemplate(creditTemplates.body, values))).toContain(
      'notre avoir AV-2026-00003 du 24/11/2026, d’un montant de 443,88 € TTC.',
    );
    expect(renderMailTemplate(creditTemplates.body, values)).not.toContain('IBAN');
  });

  it('leaves a draft’s number, date and due date as placeholders until it is issued', () => {
    const draft = { ...invoice, number: null, issueDate: null, dueDate: null };
    const body = text(invoiceMailValues(draft, tenant, 'Hôtel des Ducs'));
    expect(body).toContain('notre facture {{numero}} du {{date}}, d’un montant de 443,88 € TTC, payable au plus tard le {{echeance}}.');
  });

  it('shows the transfer QR code as an inline image under the payment details in the HTML part', () => {
    const values = invoiceMailValues(invoice, tenant, 'Hôtel des Ducs');
    const html = invoiceMailHtml(`Bonjour Madame,\n<b>merci</b>\n\n${text(values)}`, values.reglement!);
    expect(html).toContain(`<img src="cid:${TRANSFER_QR_FILENAME}"`);
    expect(html).toContain('Payer par virement : scannez avec votre application bancaire');
    expect(html).toContain('<p>Bonjour Madame,<br>&lt;b&gt;merci&lt;/b&gt;</p>');
    expect(html.indexOf('cid:')).toBeGreaterThan(html.indexOf('IBAN'));
    expect(html.indexOf('cid:')).toBeLessThan(html.indexOf('Le PDF joint'));
    // A text without the payment details still shows the code, before the signature.
    const edited = invoiceMailHtml('Bonjour,\n\nCi-joint la facture.\n\nCordialement,\nClim’Ouest', values.reglement!);
    expect(edited.indexOf('cid:')).toBeGreaterThan(edited.indexOf('Ci-joint'));
    expect(edited.indexOf('cid:')).toBeLessThan(edited.indexOf('Cordialement'));
    expect(invoiceMailHtml(text(values), null)).not.toContain('cid:');
  });

  it('asks the QR code for the open balance', () => {
    const amounts = { amountDue: '1200.00', retentionAmount: '60.00', paidAmount: '100.00', creditedAmount: '40.00' };
    expect(invoiceOpenBalance({ ...amounts, openBalance: null })).toBe('1000.00');
    expect(invoiceOpenBalance({ ...amounts, openBalance: '1000' })).toBe('1000.00');
  });
});
