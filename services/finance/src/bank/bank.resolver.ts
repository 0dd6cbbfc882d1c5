import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Errors,
  bookBankMovement,
  importBankStatement,
  listBankAccounts,
  listBankMovements,
  listBankStatements,
  directDebitBatchesByIds,
  directDebitItemsByIds,
  matchBankMovement,
  matchBankMovementToDirectDebitBatch,
  matchBankMovementToDirectDebitReturn,
  movementCounts,
  paymentsByIds,
  refreshBankMatching,
  unmatchBankMovement,
  type DirectDebitBatch,
  type DirectDebitItem,
  type Payment,
} from '@relais/domain';
import { LocalDateScalar, em, identityOf, loaderFor, toConnection, type RequestContext } from '@relais/subgraph-kit';
import {
  BankAccountType,
  BankMovementConnection,
  BankMovementType,
  BankStatementType,
  BookingKindEnum,
  ImportBankStatementInput,
  MatchMovementInput,
  MatchProposalType,
  MovementCountsType,
  MovementDirectionEnum,
  MovementStatusEnum,
  StatementImportType,
  toAccountType,
  toMovementType,
  toStatementType,
} from './bank.type';
import { PaymentType, toPaymentType } from '../payments/payment.type';
import { DirectDebitBatchType, DirectDebitItemType, toBatchType, toItemType } from '../direct-debit/direct-debit.type';

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function decodeBase64(content: string): Buffer {
  if (!BASE64.test(content)) throw Errors.validation([{ field: 'contentBase64', message: 'contenu base64 attendu' }]);
  return Buffer.from(content, 'base64');
}

const batchById = async (ctx: RequestContext, id: string | null) => {
  const batch = id ? await loaderFor<DirectDebitBatch>(ctx, 'directDebitBatchById', directDebitBatchesByIds, (b) => b.id).load(id) : null;
  return batch ? toBatchType(batch) : null;
};
const itemById = async (ctx: RequestContext, id: string | null) => {
  const item = id ? await loaderFor<DirectDebitItem>(ctx, 'directDebitItemById', directDebitItemsByIds, (i) => i.id).load(id) : null;
  return item ? toItemType(item) : null;
};

@Resolver(() => BankMovementType)
export class BankResolver {
  @Authorized('finance:write')
  @Mutation(() => StatementImportType, {
    description:
      'Imports a CAMT.053, OFX or CFONB 120 statement: movements already imported are skipped, sure matches are recorded as payments, others get proposals. BANK_FILE_INVALID names the line; nothing is imported then.',
  })
  async importBankStatement(@Ctx() ctx: RequestContext, @Arg('input', () => ImportBankStatementInput) input: ImportBankStatementInput) {
    const result = await importBankStatement(em(ctx), identityOf(ctx), {
      content: decodeBase64(input.contentBase64),
      fileName: input.fileName,
      format: input.format ?? null,
    });
    return { ...result, statements: result.statements.map(toStatementType) };
  }

  @Authorized('finance:read')
  @Query(() => BankMovementConnection, { description: 'Bank movements, newest booked first.' })
  async bankMovements(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('statuses', () => [MovementStatusEnum], { nullable: true }) statuses: MovementStatusEnum[] | null,
    @Arg('bankAccountId', () => ID, { nullable: true }) bankAccountId: string | null,
    @Arg('statementId', () => ID, { nullable: true }) statementId: string | null,
    @Arg('from', () => LocalDateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true }) to: string | null,
    @Arg('direction', () => MovementDirectionEnum, { nullable: true }) direction: MovementDirectionEnum | null,
    @Arg('search', () => String, { nullable: true, description: 'Label, remittance, payer, or an exact amount.' }) search: string | null,
  ) {
    const page = await listBankMovements(em(ctx), { first, after, statuses, bankAccountId, statementId, from, to, direction, search });
    return toConnection(page, toMovementType);
  }

  @Authorized('finance:read')
  @Query(() => MovementCountsType)
  async bankMovementCounts(@Ctx() ctx: RequestContext) {
    const counts = await movementCounts(em(ctx));
    return { unmatched: counts.UNMATCHED, proposed: counts.PROPOSED, matched: counts.MATCHED, booked: counts.BOOKED };
  }

  @Authorized('finance:read')
  @Query(() => [BankStatementType], { description: 'The latest imports, newest first.' })
  async bankStatements(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return (await listBankStatements(em(ctx), Math.min(Math.max(first, 1), 100))).map(toStatementType);
  }

  @Authorized('finance:read')
  @Query(() => [BankAccountType])
  async bankAccounts(@Ctx() ctx: RequestContext) {
    return (await listBankAccounts(em(ctx))).map(toAccountType);
  }

  @Authorized('finance:write')
  @Mutation(() => BankMovementType, {
    description:
      'Records the payment a credit movement is, split over invoices of one customer (the rest is that customer’s credit). MOVEMENT_ALREADY_RECONCILED, NOT_A_CREDIT, PAYMENT_EXCEEDS_BALANCE, OTHER_CUSTOMER, STALE_VERSION.',
  })
  async matchBankMovement(
    @Ctx() ctx: RequestContext,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('input', () => MatchMovementInput) input: MatchMovementInput,
  ) {
    return toMovementType(await matchBankMovement(em(ctx), identityOf(ctx), movementId, input));
  }

  @Authorized('finance:write')
  @Mutation(() => BankMovementType, {
    description:
      'Says a credit movement is the bank’s credit of a direct-debit batch: a submitted batch is settled on the movement’s date (the amount must be its pending total, or one payment block’s), one settled by hand is only linked (up to what is left of it). NOT_A_CREDIT, MOVEMENT_ALREADY_RECONCILED, DIRECT_DEBIT_AMOUNT_MISMATCH, BATCH_NOT_SUBMITTED, BATCH_ALREADY_MATCHED, STALE_VERSION.',
  })
  async matchBankMovementToDirectDebitBatch(
    @Ctx() ctx: RequestContext,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('batchId', () => ID) batchId: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toMovementType(await matchBankMovementToDirectDebitBatch(em(ctx), identityOf(ctx), movementId, { batchId, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => BankMovementType, {
    description:
      'Says a debit movement is the return of a collected direct-debit item (impayé): its payment is reversed with the reason and its invoice open again; a return recorded by hand is only linked. NOT_A_DEBIT, MOVEMENT_ALREADY_RECONCILED, DIRECT_DEBIT_AMOUNT_MISMATCH, DIRECT_DEBIT_NOT_SETTLED (match the batch’s credit first), ITEM_ALREADY_RETURNED, ITEM_CANCELLED, VALIDATION_FAILED (reasonCode, returnedOn), STALE_VERSION.',
  })
  async matchBankMovementToDirectDebitReturn(
    @Ctx() ctx: RequestContext,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('reasonCode', () => String, { nullable: true, description: 'ISO 20022 code (AM04, MD06…); the bank’s when omitted.' })
    reasonCode: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toMovementType(
      await matchBankMovementToDirectDebitReturn(em(ctx), identityOf(ctx), movementId, { itemId, reasonCode, expectedVersion }),
    );
  }

  @Authorized('finance:write')
  @Mutation(() => BankMovementType, {
    description: 'Books a movement as bank fees, an internal transfer, a supplier payment or other (note required).',
  })
  async bookBankMovement(
    @Ctx() ctx: RequestContext,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('kind', () => BookingKindEnum) kind: BookingKindEnum,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toMovementType(await bookBankMovement(em(ctx), identityOf(ctx), movementId, { kind, note, expectedVersion }));
  }

  @Authorized('finance:write')
  @Mutation(() => BankMovementType, {
    description: 'Undoes a reconciliation; a matched payment is reversed with the reason (its invoices open again).',
  })
  async unmatchBankMovement(
    @Ctx() ctx: RequestContext,
    @Arg('movementId', () => ID) movementId: string,
    @Arg('reason', () => String) reason: string,
  ) {
    return toMovementType(await unmatchBankMovement(em(ctx), identityOf(ctx), movementId, reason));
  }

  @Authorized('finance:write')
  @Mutation(() => Int, {
    description:
      'Recomputes proposals of open movements against today’s open invoices and direct debits; returns how many became sure and were matched.',
  })
  async refreshBankMatching(@Ctx() ctx: RequestContext) {
    return refreshBankMatching(em(ctx), identityOf(ctx));
  }

  @FieldResolver(() => PaymentType, { nullable: true, description: 'The payment recorded from this movement.' })
  async payment(@Ctx() ctx: RequestContext, @Root() movement: BankMovementType) {
    if (!movement.paymentId) return null;
    const payment = await loaderFor<Payment>(ctx, 'paymentById', paymentsByIds, (p) => p.id).load(movement.paymentId);
    return payment ? toPaymentType(payment) : null;
  }

  @FieldResolver(() => DirectDebitBatchType, {
    nullable: true,
    description: 'The direct-debit batch this movement is the bank’s credit of.',
  })
  directDebitBatch(@Ctx() ctx: RequestContext, @Root() movement: BankMovementType) {
    return batchById(ctx, movement.directDebitBatchId);
  }

  @FieldResolver(() => DirectDebitItemType, { nullable: true, description: 'The direct-debit item this movement is the return of.' })
  directDebitItem(@Ctx() ctx: RequestContext, @Root() movement: BankMovementType) {
    return itemById(ctx, movement.directDebitItemId);
  }
}

@Resolver(() => MatchProposalType)
export class MatchProposalResolver {
  @FieldResolver(() => DirectDebitBatchType, {
    nullable: true,
    description: 'DIRECT_DEBIT_BATCH: the batch credited; DIRECT_DEBIT_RETURN: the batch of the item returned.',
  })
  directDebitBatch(@Ctx() ctx: RequestContext, @Root() proposal: MatchProposalType) {
    return batchById(ctx, proposal.batchId);
  }

  @FieldResolver(() => DirectDebitItemType, { nullable: true, description: 'DIRECT_DEBIT_RETURN: the collection returned.' })
  directDebitItem(@Ctx() ctx: RequestContext, @Root() proposal: MatchProposalType) {
    return itemById(ctx, proposal.itemId);
  }
}
