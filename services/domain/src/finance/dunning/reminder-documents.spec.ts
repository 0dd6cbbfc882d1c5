import { describe, expect, it } from 'vitest';
import { DEFAULT_DUNNING_LEVELS } from './dunning.rules';
import { claimedTotal, formalNoticeLetter, reminderMail, type ReminderFacts } from './reminder-documents';

const facts = (rank: number, overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  level: DEFAULT_DUNNING_LEVELS[rank - 1]!,
  sellerName: 'Thermo Services',
  invoiceNumber: 'F-2026-00042',
  issueDate: '2026-09-15',
  dueDate: '2026-10-15',
  daysLate: 35,
  openBalance: '1250.40',
  lateInterest: '14.57',
  indemnity: '40.00',
  lateInterestRate: '12.15',
  sentOn: '2026-11-19',
  ...overrides,
});

describe('reminder mails and the formal notice', () => {
  it('says the friendly first reminder is perhaps an oversight, with the balance in French format', () => {
    const mail = reminderMail(facts(1, { daysLate: 7 }));
    expect(mail.subject).toBe('Rappel : facture F-2026-00042 arrivée à échéance');
    expect(mail.text).toContain('échue le 15/10/2026, reste à régler pour 1\u00a0250,40\u00a0€');
    expect(mail.text).toContain('simple oubli');
  });

  it('attaches the invoice at level 2 and announces the formal notice with the total claimed at level 3', () => {
    expect(reminderMail(facts(2, { daysLate: 15 })).text).toContain('Vous trouverez la facture en pièce jointe.');
    const notice = reminderMail(facts(3));
    expect(notice.subject).toBe('Mise en demeure de payer — facture F-2026-00042');
    expect(notice.text).toContain('1\u00a0304,97\u00a0€');
  });

  it('adds interest and the indemnity to the claimed total to the cent', () => {
    expect(claimedTotal({ openBalance: '1250.40', lateInterest: '14.57', indemnity: '40.00' })).toBe('1304.97');
    expect(claimedTotal({ openBalance: '99.99', lateInterest: '0.00', indemnity: '0.00' })).toBe('99.99');
  });

  it('lists the invoice, the charges and the total in the letter, and leaves out the indemnity for a consumer', () => {
    const seller = { name: 'Thermo Services', address: ['1 rue du Port', '44000 Nantes'] };
    const buyer = { name: 'SCI Les Tilleuls', address: ['3 allée des Tilleuls', '44300 Nantes'] };
    const letter = formalNoticeLetter(facts(3), seller, buyer);
    expect(letter.table!.rows).toEqual([
      ['Facture F-2026-00042', '15/10/2026', '35', '1\u00a0250,40\u00a0€'],
      ['Pénalités de retard (12,15 % l’an, 35 jours)', '', '', '14,57\u00a0€'],
      ['Indemnité forfaitaire pour frais de recouvrement', '', '', '40,00\u00a0€'],
    ]);
    expect(letter.table!.footer).toEqual(['Total réclamé', '', '', '1\u00a0304,97\u00a0€']);
    const consumer = formalNoticeLetter(facts(3, { indemnity: '0.00' }), seller, buyer);
    expect(consumer.table!.rows).toHaveLength(2);
    expect(consumer.paragraphs.join(' ')).not.toContain('40 €');
  });
});
