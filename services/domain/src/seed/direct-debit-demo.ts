import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from 'date-fns/addMonths';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { createMandate, revokeMandate } from '../finance/direct-debit/mandates.service';
import { ribKey, ribToIban } from '../finance/sepa/bank-account';
import type { Identity } from '../shared/identity';
import { localDate } from '../shared/time';

/**
 * SEPA mandates of the demo customers whose contracts are paid by direct debit, signed before the
 * first contract invoice: every such customer but the last has one (the last shows in the batch
 * preview as "no mandate"), the first changed banks (its first mandate revoked, a new one signed).
 * Accounts are valid French IBANs built from RIBs; one bank without BIC (IBAN only).
 */

const BANKS = [
  { bankCode: '30004', branchCode: '00823', bic: 'BNPAFRPP' },
  { bankCode: '30003', branchCode: '01234', bic: 'SOGEFRPP' },
  { bankCode: '10278', branchCode: '36000', bic: 'CMCIFR2A' },
  { bankCode: '18206', branchCode: '00010', bic: null },
] as const;

function demoAccount(index: number): { iban: string; bic: string | null } {
  const bank = BANKS[index % BANKS.length]!;
  const accountNumber = String(40_000_000_000 + index * 7_919_113).slice(-11);
  const key = ribKey(bank.bankCode, bank.branchCode, accountNumber);
  return { iban: ribToIban({ bankCode: bank.bankCode, branchCode: bank.branchCode, accountNumber, key }), bic: bank.bic };
}

const monthsBefore = (date: string, months: number, day: number) =>
  `${format(addMonths(parseISO(date), -months), 'yyyy-MM')}-${String(day).padStart(2, '0')}`;

export async function seedDirectDebitDemo(em: EntityManager, identity: Identity, options: { now?: Date } = {}): Promise<void> {
  const today = localDate(options.now ?? new Date());
  // Customers whose contract's latest billing terms say direct debit, in contract order.
  const rows = await em.execute<{ customerId: string }[]>(
    `select k.customer_id as "customerId", min(k.reference) as first_reference
       from contracts k
       join lateral (select payment_method from contract_billing_terms t
                      where t.tenant_id = k.tenant_id and t.contract_id = k.id
                      order by t.effective_on desc limit 1) t on true
      where t.payment_method = 'DIRECT_DEBIT'
      group by k.customer_id
      order by first_reference`,
  );
  const withMandate = rows.slice(0, -1);
  for (const [i, { customerId }] of withMandate.entries()) {
    if (i === 0) {
      const old = await createMandate(em, identity, {
        customerId,
        signedOn: monthsBefore(today, 18, 12),
        ...demoAccount(100),
      });
      await revokeMandate(em, identity, old.id, { revokedOn: monthsBefore(today, 6, 2), reason: 'Changement de banque du client' });
    }
    await createMandate(em, identity, { customerId, signedOn: monthsBefore(today, 6, 3 + (i % 20)), ...demoAccount(i) });
  }
}
