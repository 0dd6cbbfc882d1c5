import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  DOCUMENT_LINK_KEY_PURPOSE,
  customerScopeOf,
  documentPath,
  listPortalInvoices,
  portalInvoicesByIds,
  signDocumentLink,
  type InvoiceArtefactKind,
  type PortalInvoiceView,
} from '@relais/domain';
import { em, identityOf, loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { PortalInvoiceType, toPortalInvoiceType } from './portal-invoice.type';
import { portalCustomerOf } from './portal-quote.resolver';

async function documentUrl(ctx: RequestContext, invoice: PortalInvoiceType, kind: InvoiceArtefactKind): Promise<string> {
  const token = await signDocumentLink(
    { invoiceId: invoice.id, kind, identity: identityOf(ctx) },
    ctx.deriveKey(DOCUMENT_LINK_KEY_PURPOSE),
  );
  return documentPath(invoice, kind, token);
}

/** A portal invoice another subgraph refers to: only a portal caller's own (null for anyone else). */
export async function resolvePortalInvoiceReference(reference: { id: string }, ctx: RequestContext) {
  const customerId = ctx.identity ? customerScopeOf(ctx.identity) : null;
  if (!customerId) return null;
  const view = await loaderFor<PortalInvoiceView>(
    ctx,
    'portalInvoiceById',
    (em, ids) => portalInvoicesByIds(em, customerId, ids),
    (v) => v.invoice.id,
  ).load(reference.id);
  return view ? toPortalInvoiceType(view) : null;
}

/** The customer portal's invoices and credit notes (docs/portal.md). */
@Resolver(() => PortalInvoiceType)
export class PortalInvoiceResolver {
  @Authorized('portal')
  @Query(() => [PortalInvoiceType], { description: 'The issued invoices and credit notes of the caller’s customer, newest first.' })
  async portalInvoices(@Ctx() ctx: RequestContext) {
    return (await listPortalInvoices(em(ctx), portalCustomerOf(ctx))).map(toPortalInvoiceType);
  }

  @Authorized('portal')
  @FieldResolver(() => String, { description: 'The Factur-X PDF: a relative link, valid 15 minutes.' })
  pdfUrl(@Root() invoice: PortalInvoiceType, @Ctx() ctx: RequestContext): Promise<string> {
    return documentUrl(ctx, invoice, 'PDF');
  }

  @Authorized('portal')
  @FieldResolver(() => String, { description: 'The Factur-X XML (CII, EN 16931): a relative link, valid 15 minutes.' })
  xmlUrl(@Root() invoice: PortalInvoiceType, @Ctx() ctx: RequestContext): Promise<string> {
    return documentUrl(ctx, invoice, 'XML');
  }
}
