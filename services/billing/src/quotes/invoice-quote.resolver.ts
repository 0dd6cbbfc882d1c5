import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { quoteLinksOfInvoices } from '@relais/domain';
import { loaderFor, type RequestContext } from '@relais/subgraph-kit';
import { InvoiceType } from '../invoices/invoice.type';
import { QuoteType, toQuoteType } from './quote.type';

@Resolver(() => InvoiceType)
export class InvoiceQuoteResolver {
  @FieldResolver(() => QuoteType, { nullable: true, description: 'The quote this invoice was made from, if any.' })
  async quote(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext) {
    const link = await loaderFor(ctx, 'quoteByInvoice', quoteLinksOfInvoices, (l) => l.invoiceId).load(invoice.id);
    return link ? toQuoteType(link.quote) : null;
  }
}
