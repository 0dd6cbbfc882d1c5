import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractBillingTerms, type ContractPaymentMethod } from './contracts/contract-billing.entity';
import type { Invoice } from './invoice.entity';

/**
 * How the customer is expected to pay an invoice. Today only a contract's billing terms say
 * "direct debit" (the terms in force on the issue date, as the billing run reads them); every
 * other invoice is paid by transfer (or cheque).
 */

export function paymentMethodInForce(
  versions: readonly { effectiveOn: string; paymentMethod: ContractPaymentMethod }[],
  on: string,
): ContractPaymentMethod {
  const sorted = [...versions].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  return (sorted.filter((v) => v.effectiveOn <= on).at(-1) ?? sorted[0])?.paymentMethod ?? 'TRANSFER';
}

export async function invoicePaymentMethod(
  em: EntityManager,
  invoice: Pick<Invoice, 'contractId' | 'issueDate'>,
  today: string,
): Promise<ContractPaymentMethod> {
  if (!invoice.contractId) return 'TRANSFER';
  const versions = await em.find(ContractBillingTerms, { contractId: invoice.contractId });
  return paymentMethodInForce(versions, invoice.issueDate ?? today);
}
