import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  ACCOUNTING_EXPORT_LINK_KEY_PURPOSE,
  FILE_LINK_TTL_SECONDS,
  accountingExportFileName,
  accountingExportPath,
  accountingExportRequest,
  exportLinkSubject,
  listAccountingExports,
  previewAccountingExport,
  signAccountingExportLink,
} from '@relais/domain';
import { LocalDateScalar, em, identityOf, type RequestContext } from '@relais/subgraph-kit';
import {
  AccountingExportInput,
  AccountingExportKindEnum,
  AccountingExportLayoutEnum,
  AccountingExportLinkType,
  AccountingExportPreviewType,
  AccountingExportRecordType,
  toPreviewType,
  toRecordType,
} from './accounting-export.type';
import { JournalEnum } from '../ledger/journal.type';

const ERRORS =
  'VALIDATION_FAILED naming the field (layout, from, to, journal, or one the kind requires), NOT_FOUND (fiscal year), COMPANY_SIREN_MISSING (FEC: the company has no SIREN to name the file).';

@Resolver()
export class AccountingExportResolver {
  @Authorized('finance:read')
  @Query(() => AccountingExportPreviewType, {
    description: `What an export will hold: first lines, counts, totals, what is provisional. ${ERRORS}`,
  })
  async accountingExportPreview(@Ctx() ctx: RequestContext, @Arg('input', () => AccountingExportInput) input: AccountingExportInput) {
    return toPreviewType(await previewAccountingExport(em(ctx), identityOf(ctx).tenantId, accountingExportRequest(input)));
  }

  @Authorized('finance:read')
  @Query(() => [AccountingExportRecordType], { description: 'The exports downloaded in full, latest first: who exported what range.' })
  async accountingExports(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number) {
    return (await listAccountingExports(em(ctx), Math.min(Math.max(first, 1), 200))).map(toRecordType);
  }

  @Authorized('finance:read')
  @Mutation(() => AccountingExportLinkType, { description: `Download link of any export (see AccountingExportInput). ${ERRORS}` })
  async exportAccounting(@Ctx() ctx: RequestContext, @Arg('input', () => AccountingExportInput) input: AccountingExportInput) {
    return link(ctx, input);
  }

  @Authorized('finance:read')
  @Mutation(() => AccountingExportLinkType, {
    description: `Download link of the FEC of a fiscal year (<SIREN>FEC<closing date>.txt, ISO 8859-15, "|" separated; entries of months still open are numbered provisionally). ${ERRORS}`,
  })
  async exportFec(@Ctx() ctx: RequestContext, @Arg('fiscalYearId', () => ID) fiscalYearId: string) {
    return link(ctx, { kind: AccountingExportKindEnum.FEC, fiscalYearId });
  }

  @Authorized('finance:read')
  @Mutation(() => AccountingExportLinkType, {
    description: `Download link of the journal entries of a date range in a CSV layout. ${ERRORS}`,
  })
  async exportJournal(
    @Ctx() ctx: RequestContext,
    @Arg('layout', () => AccountingExportLayoutEnum) layout: AccountingExportLayoutEnum,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('journal', () => JournalEnum, { nullable: true }) journal: JournalEnum | null,
  ) {
    return link(ctx, { kind: AccountingExportKindEnum.JOURNAL, layout, from, to, journal });
  }
}

async function link(ctx: RequestContext, input: AccountingExportInput): Promise<AccountingExportLinkType> {
  const request = accountingExportRequest(input);
  const identity = identityOf(ctx);
  const fileName = await accountingExportFileName(em(ctx), identity.tenantId, request);
  const now = new Date();
  const token = await signAccountingExportLink(
    exportLinkSubject(request),
    identity,
    ctx.deriveKey(ACCOUNTING_EXPORT_LINK_KEY_PURPOSE),
    now,
  );
  return { url: accountingExportPath(fileName, token), fileName, expiresAt: new Date(now.getTime() + FILE_LINK_TTL_SECONDS * 1000) };
}
