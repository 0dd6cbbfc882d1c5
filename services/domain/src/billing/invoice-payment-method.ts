import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractBillingTerms, type ContractPaymentMethod } from './contracts/contract-billing.entity';
import type { Invoice } from './invoice.entity';
import { mandatesInForce } from '../finance/direct-debit/mandates.service';

/**
 * How the customer is expected to pay an invoice:
 * - an invoice billing a contract: as the contract's billing terms in force on the issue date say
 *   (the terms, as the billing run reads them), DIRECT_DEBIT or TRANSFER, whether or not the
 *   customer has signed a mandate yet (the direct debit batch then shows it blocked);
 * - any other invoice: DIRECT_DEBIT when the customer had a SEPA mandate in force on the issue
 *   date, TRANSFER (or cheque) otherwise. The invoice announces the debit, its date and the
 *   mandate: it is the debtor's pre-notification, so a mandate signed after the issue does not
 *   turn an invoice announced as payable by transfer into a direct debit.
 * Reading the mandates (finance's records) from billing goes against the usual direction; it is
 * read only, see docs/finance.md.
 */

export function paymentMethodInForce(
  versions: readonly { effectiveOn: string; paymentMethod: ContractPaymentMethod }[],
  on: string,
): ContractPaymentMethod {
  const sorted = [...versions].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  return (sorted.filter((v) => v.effectiveOn <= on).at(-1) ?? sorted[0])?.paymentMethod ?? 'TRANSFER';
}

type PayableInvoice = Pick<Invoice, 'id' | 'contractId' | 'issueDate' | 'customerId'>;

/** The payment method of each invoice (by id), in two statements whatever their number. */
export async function invoicePaymentMethods(
  em: EntityManager,
  invoices: readonly PayableInvoice[],
  today: string,
): Promise<Map<string, ContractPaymentMethod>> {
  const contractIds = [...new Set(invoices.map((i) => i.contractId).filter((id): id is string => Boolean(id)))];
  const withoutContract = invoices.filter((i) => !i.contractId);
  const [terms, mandates] = await Promise.all([
    contractIds.length ? em.find(ContractBillingTerms, { contractId: { $in: contractIds } }) : Promise.resolve([]),
    mandatesInForce(
      em,
      withoutContract.map((i) => ({ customerId: i.customerId, on: i.issueDate ?? today })),
    ),
  ]);
  const termsOf = Map.groupBy(terms, (t) => t.contractId);
  return new Map(
    invoices.map((i) => {
      const on = i.issueDate ?? today;
      if (i.contractId) return [i.id, paymentMethodInForce(termsOf.get(i.contractId) ?? [], on)];
      return [i.id, mandates.has(`${i.customerId}|${on}`) ? 'DIRECT_DEBIT' : 'TRANSFER'];
    }),
  );
}

export async function invoicePaymentMethod(em: EntityManager, invoice: PayableInvoice, today: string): Promise<ContractPaymentMethod> {
  return (await invoicePaymentMethods(em, [invoice], today)).get(invoice.id)!;
}
