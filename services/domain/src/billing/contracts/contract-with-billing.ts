import type { EntityManager } from '@mikro-orm/postgresql';
import { setContractBilling, type ContractBillingInput } from './billing-terms.service';
import type { Contract } from '../../maintenance/contract.entity';
import { amendContract, createContract, type ContractTermsInput } from '../../maintenance/contract.service';
import { DomainError, Errors, type FieldProblem } from '../../shared/errors';
import type { Identity } from '../../shared/identity';

/**
 * A contract and its billing terms entered together (createContract / amendContract with
 * `billing`): maintenance writes the contract through its service, then billing adds the version
 * of the billing terms taking effect with it, in the caller's one transaction, so a refused
 * billing field leaves neither a contract nor an amendment behind.
 */

/** Billing terms given with the contract's terms: in force from the contract's start, or from the amendment's effective date. */
export type ContractBillingChange = Omit<ContractBillingInput, 'effectiveOn'>;

/** The billing terms' refused fields, named as the caller sent them (`billing.feeLines[0].amount`). */
async function asBillingFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    throw Errors.validation((error.details.fields as FieldProblem[]).map((p) => ({ ...p, field: `billing.${p.field}` })));
  }
}

export async function createContractWithBilling(
  em: EntityManager,
  identity: Identity,
  input: ContractTermsInput & { customerId: string },
  billing: ContractBillingChange | null,
): Promise<Contract> {
  const contract = await createContract(em, identity.tenantId, input);
  if (billing) await asBillingFields(() => setContractBilling(em, identity, contract.id, { ...billing, effectiveOn: contract.startsOn }));
  return contract;
}

/**
 * An amendment and, with `billing`, the billing terms from the same effective date: the periods
 * before it keep the terms they had; a date inside a billed period is PERIOD_ALREADY_BILLED and
 * the amendment is not recorded either.
 */
export async function amendContractWithBilling(
  em: EntityManager,
  identity: Identity,
  id: string,
  input: ContractTermsInput & { effectiveOn: string; reason: string; expectedVersion: number },
  billing: ContractBillingChange | null,
): Promise<Contract> {
  const contract = await amendContract(em, id, input);
  if (billing)
    await asBillingFields(() =>
      setContractBilling(em, identity, id, {
        ...billing,
        effectiveOn: input.effectiveOn,
        reason: billing.reason?.trim() || input.reason.trim(),
      }),
    );
  return contract;
}
