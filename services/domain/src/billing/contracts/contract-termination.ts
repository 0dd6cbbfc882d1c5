import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractBillingPeriod } from './contract-billing.entity';
import { contractTerminated, lockContract } from './billing-terms.service';
import { dayAfter, daysBetween, prorate } from './contract-billing.rules';
import { createCreditNote, creditNoteRefusal } from '../credit-notes';
import { Invoice, InvoiceLine } from '../invoice.entity';
import { recordContractTermination, type TerminationInput } from '../../maintenance/contract.service';
import type { Contract } from '../../maintenance/contract.entity';
import type { Identity } from '../../shared/identity';
import { frenchDate } from '../../shared/time';

/**
 * Terminating a contract: maintenance records it; billing then stops at the last day (the last
 * period is prorated by the schedule) and, for fees already billed beyond it, proposes a credit
 * note as a draft for the clerk to check and issue, never a silent change. Drafts of the run
 * that cover days past the end are listed for review.
 */

export interface TerminationOutcome {
  contract: Contract;
  /** Whether the notice period of the contract was respected. */
  noticeRespected: boolean;
  creditNoteProposals: Invoice[];
  draftsToReview: Invoice[];
}

/** The part of a billed fee line after the last day: its days and amount (prorated as billed). */
export function unearnedPart(
  line: { serviceStart: string; serviceEnd: string; unitPrice: string; quantity: string },
  lastDay: string,
): { days: number; lineDays: number; amount: string } | null {
  if (line.serviceEnd <= lastDay) return null;
  const from = line.serviceStart > lastDay ? line.serviceStart : dayAfter(lastDay);
  const days = daysBetween(from, line.serviceEnd);
  const lineDays = daysBetween(line.serviceStart, line.serviceEnd);
  return { days, lineDays, amount: prorate(line.unitPrice, days, lineDays) };
}

export async function terminateContract(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  input: TerminationInput,
): Promise<TerminationOutcome> {
  const contract = await lockContract(em, contractId);
  if (contract.terminatedOn) contractTerminated(contract);
  recordContractTermination(contract, input);
  await em.flush();
  const lastDay = input.effectiveOn;

  const beyond = await em.find(ContractBillingPeriod, { contractId, periodEnd: { $gt: lastDay } });
  const invoiceIds = [...new Set(beyond.map((p) => p.invoiceId))];
  const invoices = invoiceIds.length ? await em.find(Invoice, { id: { $in: invoiceIds } }, { orderBy: { number: 'asc' } }) : [];
  const creditNoteProposals: Invoice[] = [];
  // An invoice passed to losses gets no proposal: its written-off part is no longer claimed (INVOICE_WRITTEN_OFF).
  for (const invoice of invoices.filter((i) => i.status === 'ISSUED' && creditNoteRefusal(i) === null)) {
    const lines = await em.find(InvoiceLine, { invoiceId: invoice.id, serviceEnd: { $gt: lastDay } }, { orderBy: { position: 'asc' } });
    const credits = lines.flatMap((l) => {
      const part = unearnedPart(
        { serviceStart: l.serviceStart!, serviceEnd: l.serviceEnd!, unitPrice: l.unitPrice, quantity: l.quantity },
        lastDay,
      );
      if (!part || part.amount === '0.00') return [];
      const label = l.description.split(' — ')[0];
      return [
        {
          invoiceLineId: l.id,
          quantity: '1',
          unitPrice: part.amount,
          description: `${label} — non due après la résiliation au ${frenchDate(lastDay)} (${part.days} j / ${part.lineDays} j)`,
        },
      ];
    });
    if (credits.length === 0) continue;
    creditNoteProposals.push(
      await createCreditNote(em, identity, invoice.id, {
        reason: `Résiliation du contrat ${contract.reference} au ${frenchDate(lastDay)}`,
        lines: credits,
      }),
    );
  }
  const noticeDeadline = dayAfter(lastDay, -contract.noticeDays);
  return {
    contract,
    noticeRespected: input.noticeReceivedOn <= noticeDeadline,
    creditNoteProposals,
    draftsToReview: invoices.filter((i) => i.status === 'DRAFT'),
  };
}
