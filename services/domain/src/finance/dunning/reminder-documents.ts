import { formatEuro } from '../../billing/documents/format';
import type { Letter, LetterParty } from '../../billing/documents/letter-pdf';
import { sumAmounts, toAmount } from '../../billing/money';
import { frenchDate } from '../../shared/time';
import type { DunningLevel } from './dunning.rules';

/** What a reminder says: the mail of every level, and the formal notice letter of a `formalNotice` level. */
export interface ReminderFacts {
  level: DunningLevel;
  sellerName: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  daysLate: number;
  openBalance: string;
  lateInterest: string;
  indemnity: string;
  lateInterestRate: string;
  sentOn: string;
}

/** The total claimed: the open balance, the late interest and the fixed indemnity. */
export const claimedTotal = (f: Pick<ReminderFacts, 'openBalance' | 'lateInterest' | 'indemnity'>): string =>
  toAmount(sumAmounts([f.openBalance, f.lateInterest, f.indemnity]));

export function reminderMail(f: ReminderFacts): { subject: string; text: string } {
  const invoice = `la facture ${f.invoiceNumber} du ${frenchDate(f.issueDate)}`;
  const balance = formatEuro(f.openBalance);
  const friendly = f.level.rank === 1 && !f.level.formalNotice;
  const subject = f.level.formalNotice
    ? `Mise en demeure de payer — facture ${f.invoiceNumber}`
    : friendly
      ? `Rappel : facture ${f.invoiceNumber} arrivée à échéance`
      : `Relance : facture ${f.invoiceNumber} impayée`;
  const paragraphs = [
    friendly
      ? `Sauf erreur de notre part, ${invoice}, échue le ${frenchDate(f.dueDate)}, reste à régler pour ${balance}. Il s’agit peut-être d’un simple oubli : nous vous remercions d’en effectuer le règlement dans les meilleurs délais.`
      : `Malgré notre précédent rappel, ${invoice}, échue le ${frenchDate(f.dueDate)} (${f.daysLate} jours de retard), reste impayée pour ${balance}. Nous vous demandons de procéder à son règlement sans délai.`,
  ];
  if (f.level.formalNotice)
    paragraphs.push(
      `Vous trouverez en pièce jointe notre lettre de mise en demeure : la somme réclamée s’élève à ${formatEuro(claimedTotal(f))}, pénalités de retard et indemnité forfaitaire comprises.`,
    );
  else if (f.level.attachInvoicePdf) paragraphs.push('Vous trouverez la facture en pièce jointe.');
  paragraphs.push('Si votre règlement a croisé ce message, nous vous prions de ne pas en tenir compte.');
  return { subject, text: ['Madame, Monsieur,', ...paragraphs, `Cordialement,\n${f.sellerName}`].join('\n\n') };
}

/** The formal notice (mise en demeure, art. L441-10 and D441-5 of the Code de commerce) as a letter. */
export function formalNoticeLetter(f: ReminderFacts, seller: LetterParty, buyer: LetterParty): Letter {
  const rows = [['Facture ' + f.invoiceNumber, frenchDate(f.dueDate), String(f.daysLate), formatEuro(f.openBalance)]];
  const charges: string[][] = [];
  if (f.lateInterest !== '0.00')
    charges.push([
      `Pénalités de retard (${f.lateInterestRate.replace('.', ',')} % l’an, ${f.daysLate} jours)`,
      '',
      '',
      formatEuro(f.lateInterest),
    ]);
  if (f.indemnity !== '0.00') charges.push(['Indemnité forfaitaire pour frais de recouvrement', '', '', formatEuro(f.indemnity)]);
  return {
    title: `Mise en demeure — facture ${f.invoiceNumber}`,
    seller,
    buyer,
    date: f.sentOn,
    subject: `mise en demeure de payer — facture ${f.invoiceNumber}`,
    paragraphs: [
      `Malgré nos relances, les sommes suivantes restent impayées à ce jour :`,
      `Nous vous mettons en demeure de nous régler la somme de ${formatEuro(claimedTotal(f))} dans un délai de huit jours à compter de la réception de la présente.`,
      'Les pénalités de retard courent de plein droit depuis le lendemain de l’échéance (article L441-10 du Code de commerce)' +
        (f.indemnity !== '0.00'
          ? ' ; l’indemnité forfaitaire de 40 € pour frais de recouvrement est due pour chaque facture payée en retard (article D441-5).'
          : '.'),
      'À défaut de règlement dans ce délai, nous nous réservons le droit d’engager une procédure de recouvrement, sans autre avis.',
    ],
    table: {
      columns: [
        { header: 'Désignation', width: 5 },
        { header: 'Échéance', width: 2 },
        { header: 'Jours de retard', width: 2, align: 'right' },
        { header: 'Montant', width: 2, align: 'right' },
      ],
      rows: [...rows, ...charges],
      footer: ['Total réclamé', '', '', formatEuro(claimedTotal(f))],
    },
    closing: ['Veuillez agréer, Madame, Monsieur, nos salutations distinguées.', '', f.sellerName],
  };
}
