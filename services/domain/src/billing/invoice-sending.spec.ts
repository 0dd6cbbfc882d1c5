import { describe, expect, it } from 'vitest';
import { invoiceMailHtml, invoiceMailText, invoiceOpenBalance, TRANSFER_QR_FILENAME } from './invoice-sending';

const invoice = {
  typeCode: '380' as const,
  number: 'F-2026-00042',
  issueDate: '2026-11-24',
  dueDate: '2026-12-24',
  totalGross: '443.88',
  amountDue: '443.88',
};
const tenant = { legalName: 'Clim’Ouest Maintenance SAS', iban: 'FR7630004008230001012345669', bic: 'BNPAFRPP' };

describe('invoice mail', () => {
  it('gives the bank details in the text, or says the invoice is collected by direct debit', () => {
    const text = invoiceMailText(invoice, tenant, null);
    expect(text).toContain('Bonjour,\n\nVeuillez trouver ci-joint notre facture F-2026-00042 du 24/11/2026');
    expect(text).toContain('Règlement par virement : IBAN FR76 3000 4008 2300 0101 2345 669, BIC BNPAFRPP.');
    expect(text.endsWith('Cordialement,\nClim’Ouest Maintenance SAS')).toBe(true);
    const debit = invoiceMailText(invoice, tenant, null, { directDebit: true });
    expect(debit).toContain('Règlement par prélèvement SEPA à l’échéance.');
    expect(debit).not.toContain('IBAN');
  });

  it('shows the transfer QR code as an inline image with its caption in the HTML part', () => {
    const html = invoiceMailHtml(invoice, tenant, 'Bonjour Madame,\n<b>merci</b>', { withQr: true });
    expect(html).toContain(`<img src="cid:${TRANSFER_QR_FILENAME}"`);
    expect(html).toContain('Payer par virement : scannez avec votre application bancaire');
    expect(html).toContain('<p>Bonjour Madame,<br>&lt;b&gt;merci&lt;/b&gt;</p>');
    expect(html.indexOf('cid:')).toBeGreaterThan(html.indexOf('IBAN'));
    expect(invoiceMailHtml(invoice, tenant, null)).not.toContain('cid:');
  });

  it('asks the QR code for the open balance', () => {
    const amounts = { amountDue: '1200.00', retentionAmount: '60.00', paidAmount: '100.00', creditedAmount: '40.00' };
    expect(invoiceOpenBalance({ ...amounts, openBalance: null })).toBe('1000.00');
    expect(invoiceOpenBalance({ ...amounts, openBalance: '1000' })).toBe('1000.00');
  });
});
