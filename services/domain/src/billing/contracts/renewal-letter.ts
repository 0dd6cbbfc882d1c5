import { renderLetterInPool } from '../documents/render-pool';
import { formatEuro } from '../documents/format';
import { frenchDate } from '../../shared/time';

/**
 * The renewal notice sent before a tacitly renewed contract's notice deadline: the dates, the fee
 * now and after renewal (indexed when the index is known), and how to refuse the renewal. For a
 * consumer it quotes L215-1 of the Code de la consommation, which requires this reminder.
 */

export interface RenewalLetter {
  seller: { name: string; address: string[]; email: string | null; phone: string | null };
  buyer: { name: string; address: string[] };
  contract: { reference: string; title: string; startsOn: string };
  sentOn: string;
  termEnd: string;
  nextTermEnd: string;
  noticeDeadline: string;
  noticeDays: number;
  rhythmLabel: string;
  currentFee: string;
  /** Null when the index of the next revision is not published yet. */
  nextFee: string | null;
  nextFeeNote: string | null;
  isConsumer: boolean;
}

export function renewalLetterText(l: RenewalLetter): string[] {
  const paragraphs = [
    `Votre contrat ${l.contract.reference} « ${l.contract.title} », en vigueur depuis le ${frenchDate(l.contract.startsOn)}, arrive au terme de sa période en cours le ${frenchDate(l.termEnd)}.`,
    `Sauf refus de votre part, il sera reconduit tacitement jusqu’au ${frenchDate(l.nextTermEnd)}. Vous pouvez vous opposer à cette reconduction par écrit jusqu’au ${frenchDate(l.noticeDeadline)} inclus (préavis de ${l.noticeDays} jours).`,
    `Redevance actuelle : ${formatEuro(l.currentFee)} HT ${l.rhythmLabel}.`,
    l.nextFee
      ? `Redevance après reconduction : ${formatEuro(l.nextFee)} HT ${l.rhythmLabel}${l.nextFeeNote ? ` (${l.nextFeeNote})` : ''}.`
      : `Redevance après reconduction : ${l.nextFeeNote ?? 'inchangée'}.`,
  ];
  if (l.isConsumer)
    paragraphs.push(
      'Conformément à l’article L215-1 du Code de la consommation, nous vous informons de la possibilité de ne pas reconduire ce contrat. ' +
        'À défaut de cette information, vous pourriez mettre gratuitement un terme au contrat, à tout moment à compter de la date de reconduction.',
    );
  paragraphs.push('Nous restons à votre disposition pour toute question et vous remercions de votre confiance.');
  return paragraphs;
}

export function renderRenewalLetter(l: RenewalLetter): Promise<Uint8Array> {
  return renderLetterInPool({
    title: `Reconduction du contrat ${l.contract.reference}`,
    seller: l.seller,
    buyer: l.buyer,
    date: l.sentOn,
    subject: `reconduction de votre contrat ${l.contract.reference}`,
    paragraphs: renewalLetterText(l),
    closing: [l.seller.name],
  });
}
