import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Resolver } from 'type-graphql';
import { createCreditNote, createDraftInvoice, deleteInvoiceDraft, issueInvoice, updateInvoiceDraft } from '@relais/domain';
import { em, identityOf, type RequestContext } from '@relais/subgraph-kit';
import { CreateInvoiceInput, CreditNoteInput, UpdateInvoiceDraftInput, toDraftInput, toDraftPatch } from './invoice.inputs';
import { InvoiceType, toInvoiceType } from './invoice.type';

@Resolver(() => InvoiceType)
export class InvoiceMutationResolver {
  @Authorized('billing:write')
  @Mutation(() => InvoiceType, { description: 'A draft typed by hand (invoice or deposit invoice).' })
  async createInvoice(@Ctx() ctx: RequestContext, @Arg('input', () => CreateInvoiceInput) input: CreateInvoiceInput) {
    return toInvoiceType(await createDraftInvoice(em(ctx), identityOf(ctx), toDraftInput(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, {
    description: 'Edits a draft; totals and VAT breakdown are recomputed. STALE_VERSION if someone saved it since.',
  })
  async updateInvoiceDraft(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateInvoiceDraftInput) input: UpdateInvoiceDraftInput,
  ) {
    return toInvoiceType(await updateInvoiceDraft(em(ctx), id, expectedVersion, toDraftPatch(input)));
  }

  @Authorized('billing:write')
  @Mutation(() => [ID], { description: 'Deletes a draft (it has no number yet); returns the interventions that are billable again.' })
  async deleteInvoiceDraft(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    return deleteInvoiceDraft(em(ctx), id, expectedVersion);
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, { description: 'Gives the legal number and dates; the document can never change afterwards.' })
  async issueInvoice(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
  ) {
    // Alone in its request to this subgraph (the gateway sends each mutation on its own), the issue commits with
    // its write and the series is free at once; beside other mutations of one request, it commits with them.
    const alone = info.operation.selectionSet.selections.length === 1;
    return toInvoiceType(await issueInvoice(em(ctx), id, expectedVersion, { commit: alone }));
  }

  @Authorized('billing:write')
  @Mutation(() => InvoiceType, { description: 'A draft credit note (avoir) on an issued invoice, in full or for some lines.' })
  async createCreditNote(
    @Ctx() ctx: RequestContext,
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('input', () => CreditNoteInput) input: CreditNoteInput,
  ) {
    return toInvoiceType(await createCreditNote(em(ctx), identityOf(ctx), invoiceId, input));
  }
}
