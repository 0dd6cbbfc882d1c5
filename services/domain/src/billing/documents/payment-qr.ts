import { epcQrPayload } from '../../finance/epc-qr';
import { bicProblems, ibanProblems } from '../../finance/sepa/bank-account';
import type { InvoiceTypeCode } from '../invoice.entity';
import { Money } from '../money';

/**
 * When an invoice shows the EPC QR code that prefills a SEPA transfer: an issued invoice or
 * deposit invoice in euros, with something left to pay, paid by transfer to the seller's IBAN.
 * Never on a credit note, a draft, or an invoice the seller collects by direct debit.
 */

export const TRANSFER_QR_CAPTION = 'Payer par virement : scannez avec votre application bancaire';

export interface TransferQrInput {
  typeCode: InvoiceTypeCode;
  /** Null for a draft. */
  number: string | null;
  currency: string;
  /** What the QR asks to pay (2 decimals). */
  amount: string;
  directDebit: boolean;
  seller: { legalName: string; iban: string | null; bic: string | null };
}

/** The EPC QR payload for the invoice, or null when it should not show one. */
export function transferQrPayload(input: TransferQrInput): string | null {
  const { seller } = input;
  if (input.typeCode !== '380' && input.typeCode !== '386') return null;
  if (!input.number || input.directDebit || input.currency !== 'EUR') return null;
  if (!new Money(input.amount).greaterThanOrEqualTo('0.01')) return null;
  // A wrong IBAN in the settings must not stop an invoice from rendering: it only loses its QR code (a wrong BIC is left out).
  if (!seller.iban || ibanProblems(seller.iban, 'iban', { sepaOnly: true }).length) return null;
  return epcQrPayload({
    beneficiaryName: seller.legalName,
    iban: seller.iban,
    bic: seller.bic && !bicProblems(seller.bic, 'bic').length ? seller.bic : null,
    amount: new Money(input.amount).toFixed(2),
    remittanceText: input.number,
  });
}
