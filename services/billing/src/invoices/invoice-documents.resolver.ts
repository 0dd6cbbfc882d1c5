import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DOCUMENT_LINK_KEY_PURPOSE, documentPath, signDocumentLink, type InvoiceArtefactKind } from '@relais/domain';
import { identityOf, type RequestContext } from '@relais/subgraph-kit';
import { InvoiceStatusEnum } from './invoice.enums';
import { InvoiceType } from './invoice.type';

function documentUrl(ctx: RequestContext, invoice: InvoiceType, kind: InvoiceArtefactKind): Promise<string> {
  const key = ctx.deriveKey(DOCUMENT_LINK_KEY_PURPOSE);
  return signDocumentLink({ invoiceId: invoice.id, kind, identity: identityOf(ctx) }, key).then((token) =>
    documentPath(invoice, kind, token),
  );
}

/** Download links of an invoice's documents, relative to the API origin and valid 15 minutes. */
@Resolver(() => InvoiceType)
export class InvoiceDocumentsResolver {
  @Authorized('billing:read')
  @FieldResolver(() => String, {
    description:
      'The PDF (Factur-X PDF/A-3 once issued, stored and identical on every download; a watermarked preview for a draft): a relative link, valid 15 minutes.',
  })
  pdfUrl(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext): Promise<string> {
    return documentUrl(ctx, invoice, 'PDF');
  }

  @Authorized('billing:read')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'The Factur-X XML (CII, EN 16931 profile) of an issued invoice; null for a draft. Relative link, valid 15 minutes.',
  })
  facturXUrl(@Root() invoice: InvoiceType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return invoice.status === InvoiceStatusEnum.DRAFT ? Promise.resolve(null) : documentUrl(ctx, invoice, 'XML');
  }
}
