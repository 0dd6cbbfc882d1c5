import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorNames, cancelWriteOff, previewWriteOff, writeOffInvoice, writeOffsOfInvoices, type InvoiceWriteOff } from '@relais/domain';
import { em, groupLoaderFor, identityOf, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { InvoiceRef } from '../payments/payment.type';
import { InvoiceWriteOffType, WriteOffInvoiceInput, WriteOffPreviewType, toWriteOffPreviewType, toWriteOffType } from './write-off.type';

@Resolver(() => InvoiceRef)
export class WriteOffResolver {
  @Authorized('finance:write')
  @Mutation(() => InvoiceWriteOffType, {
    description:
      'Passes (part of) an invoice’s open balance to losses; the ledger posts an OD entry (654 with the VAT recovered, or 658 for a small balance). NOT_PAYABLE (not an issued invoice, nothing open), WRITE_OFF_EXCEEDS_BALANCE, SMALL_BALANCE_OVER_THRESHOLD, PERIOD_CLOSED, NO_FISCAL_YEAR, VALIDATION_FAILED (reason, writtenOffOn, amount).',
  })
  async writeOffInvoice(@Ctx() ctx: RequestContext, @Arg('input', () => WriteOffInvoiceInput) input: WriteOffInvoiceInput) {
    const { invoiceId, ...rest } = input;
    return toWriteOffType(await writeOffInvoice(em(ctx), identityOf(ctx), invoiceId, rest));
  }

  @Authorized('finance:write')
  @Query(() => WriteOffPreviewType, {
    description:
      'The amount and the OD entry writeOffInvoice would post for this input, written nowhere; refused with the same codes as writeOffInvoice.',
  })
  async writeOffPreview(@Ctx() ctx: RequestContext, @Arg('input', () => WriteOffInvoiceInput) input: WriteOffInvoiceInput) {
    const { invoiceId, ...rest } = input;
    return toWriteOffPreviewType(await previewWriteOff(em(ctx), identityOf(ctx), invoiceId, rest));
  }

  @Authorized('finance:write')
  @Mutation(() => InvoiceWriteOffType, {
    description:
      'Cancels a write-off, dated today: the amount is open again and the ledger posts the mirror entry. WRITE_OFF_CANCELLED, STALE_VERSION, NOT_FOUND.',
  })
  async cancelWriteOff(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
  ) {
    return toWriteOffType(await cancelWriteOff(em(ctx), identityOf(ctx), id, { expectedVersion }));
  }

  @Authorized('finance:read')
  @FieldResolver(() => [InvoiceWriteOffType], { description: 'Its write-offs, oldest first; cancelled ones included.' })
  async writeOffs(@Ctx() ctx: RequestContext, @Root() invoice: InvoiceRef) {
    const rows = await groupLoaderFor<InvoiceWriteOff>(ctx, 'writeOffsByInvoice', writeOffsOfInvoices, (w) => w.invoiceId).load(invoice.id);
    return rows.map(toWriteOffType);
  }
}

/** Who wrote a write-off off and who cancelled it, by name (a user’s, or an API key’s). */
@Resolver(() => InvoiceWriteOffType)
export class WriteOffActorResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who passed it to losses (a user’s name, or an API key’s).' })
  writtenOffBy(@Ctx() ctx: RequestContext, @Root() writeOff: InvoiceWriteOffType) {
    return actorNameOf(ctx, writeOff.writtenOffById);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who cancelled it.' })
  cancelledBy(@Ctx() ctx: RequestContext, @Root() writeOff: InvoiceWriteOffType) {
    return actorNameOf(ctx, writeOff.cancelledById);
  }
}

const actorNameOf = async (ctx: RequestContext, id: string | null) =>
  id ? ((await loaderFor(ctx, 'actorNames', actorNames, (a) => a.id).load(id))?.name ?? null) : null;
