import { create } from 'xmlbuilder2';
import { Money, sumAmounts, toAmount } from '../billing/money';

/**
 * Writes a camt.053.001.02 statement as French banks send it, for the demo's statements to
 * import, the tests and the benchmarks (the product reads statements; it never writes one).
 */
export interface SampleEntry {
  /** Signed: credits positive. */
  amount: string;
  bookingDate: string;
  reference: string;
  remittance: string;
  counterpartyName?: string | null;
  counterpartyIban?: string | null;
}

export interface SampleStatement {
  id: string;
  iban: string;
  ownerName: string;
  from: string;
  to: string;
  openingBalance: string;
  entries: readonly SampleEntry[];
}

const balance = (type: string, amount: Money, date: string) => ({
  Tp: { CdOrPrtry: { Cd: type } },
  Amt: { '@Ccy': 'EUR', '#': toAmount(amount.abs()) },
  CdtDbtInd: amount.isNegative() ? 'DBIT' : 'CRDT',
  Dt: { Dt: date },
});

export function camt053Statement(s: SampleStatement): string {
  const opening = new Money(s.openingBalance);
  const closing = opening.plus(sumAmounts(s.entries.map((e) => e.amount)));
  const entries = s.entries.map((e) => {
    const amount = new Money(e.amount);
    const credit = !amount.isNegative();
    const party = e.counterpartyName
      ? {
          [credit ? 'Dbtr' : 'Cdtr']: { Nm: e.counterpartyName },
          ...(e.counterpartyIban ? { [credit ? 'DbtrAcct' : 'CdtrAcct']: { Id: { IBAN: e.counterpartyIban } } } : {}),
        }
      : undefined;
    return {
      Amt: { '@Ccy': 'EUR', '#': toAmount(amount.abs()) },
      CdtDbtInd: credit ? 'CRDT' : 'DBIT',
      Sts: 'BOOK',
      BookgDt: { Dt: e.bookingDate },
      ValDt: { Dt: e.bookingDate },
      AcctSvcrRef: e.reference,
      BkTxCd: { Domn: { Cd: 'PMNT', Fmly: { Cd: credit ? 'RCDT' : 'ICDT', SubFmlyCd: 'ESCT' } } },
      NtryDtls: {
        TxDtls: {
          Refs: { AcctSvcrRef: e.reference, EndToEndId: 'NOTPROVIDED' },
          ...(party ? { RltdPties: party } : {}),
          RmtInf: { Ustrd: e.remittance.slice(0, 140) },
        },
      },
      AddtlNtryInf: `${credit ? 'VIR SEPA RECU' : 'PRLV SEPA'} /${e.counterpartyName ?? ''} /${e.remittance}`.slice(0, 500),
    };
  });
  return create({ version: '1.0', encoding: 'UTF-8' })
    .ele({
      Document: {
        '@xmlns': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
        BkToCstmrStmt: {
          GrpHdr: { MsgId: `MSG${s.id}`.slice(0, 35), CreDtTm: `${s.to}T06:00:00` },
          Stmt: {
            Id: s.id,
            CreDtTm: `${s.to}T06:00:00`,
            FrToDt: { FrDtTm: `${s.from}T00:00:00`, ToDtTm: `${s.to}T23:59:59` },
            Acct: { Id: { IBAN: s.iban }, Ccy: 'EUR', Ownr: { Nm: s.ownerName } },
            Bal: [balance('OPBD', opening, s.from), balance('CLBD', closing, s.to)],
            TxsSummry: { TtlNtries: { NbOfNtries: String(s.entries.length) } },
            Ntry: entries,
          },
        },
      },
    })
    .end({ prettyPrint: true });
}
