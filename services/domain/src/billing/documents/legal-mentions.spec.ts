import { describe, expect, it } from 'vitest';
import { documentNotes, documentTitle, legalMentions, RECOVERY_INDEMNITY_TEXT, VAT_ON_DEBITS_TEXT } from './legal-mentions';
import { SAMPLE_DOCUMENTS, sampleDocument } from './sample-documents';

const texts = (doc: ReturnType<typeof sampleDocument>) => legalMentions(doc).map((m) => m.text);
const NBSP = '\u00a0';

describe('legal mentions of a French B2B invoice', () => {
  it('identify the seller: name, legal form and capital, SIREN, SIRET, RCS city and VAT number', () => {
    const [seller] = legalMentions(SAMPLE_DOCUMENTS.mixedRates());
    expect(seller).toEqual({
      topic: 'SELLER',
      noteCode: 'REG',
      text: `Clim’Ouest Maintenance SAS — SAS au capital de 50${NBSP}000${NBSP}€ — SIREN 732 829 320 — SIRET 732 829 320 00017 — RCS Nantes 732 829 320 — N° TVA intracommunautaire FR44732829320`,
    });
  });

  it('give the due date, the legal late-penalty rate, the 40 € indemnity and the early-payment terms', () => {
    const mentions = legalMentions(SAMPLE_DOCUMENTS.mixedRates());
    const byTopic = Object.fromEntries(mentions.map((m) => [m.topic, m]));
    expect(byTopic.DUE_DATE!.text).toBe('Date d’échéance du paiement : 24/12/2026');
    expect(byTopic.LATE_PENALTIES).toMatchObject({ noteCode: 'PMD' });
    expect(byTopic.LATE_PENALTIES!.text).toContain('taux de refinancement de la Banque centrale européenne majoré de 10 points');
    expect(byTopic.RECOVERY_INDEMNITY).toEqual({ topic: 'RECOVERY_INDEMNITY', noteCode: 'PMT', text: RECOVERY_INDEMNITY_TEXT });
    expect(byTopic.EARLY_PAYMENT).toEqual({ topic: 'EARLY_PAYMENT', noteCode: 'AAB', text: 'Pas d’escompte pour paiement anticipé' });
    expect(byTopic.CATEGORY!.text).toBe('Catégorie de l’opération : prestation de services');
    expect(byTopic.ORDER!.text).toBe('Votre commande n° BC-7781');
  });

  it('print a contractual late-penalty rate when the tenant set one', () => {
    const doc = SAMPLE_DOCUMENTS.mixedRates();
    const mentions = legalMentions({ ...doc, seller: { ...doc.seller, latePenaltyRate: '12.15' } });
    expect(mentions.find((m) => m.topic === 'LATE_PENALTIES')!.text).toContain(`au taux annuel de 12,15${NBSP}%`);
  });

  it('say "Autoliquidation" with the buyer’s VAT number under reverse charge', () => {
    expect(texts(SAMPLE_DOCUMENTS.reverseCharge())).toContain(
      'Autoliquidation, article 283-2 nonies du CGI : TVA due par le preneur — N° TVA du client : FR96552100554',
    );
  });

  it('mention the option for VAT on debits only when the tenant opted and standard-rated VAT is charged', () => {
    expect(texts(SAMPLE_DOCUMENTS.deposit())).toContain(VAT_ON_DEBITS_TEXT);
    expect(texts(SAMPLE_DOCUMENTS.mixedRates()).join('\n')).not.toContain('débits');
    const reverse = SAMPLE_DOCUMENTS.reverseCharge();
    expect(texts({ ...reverse, seller: { ...reverse.seller, vatOnDebits: true } }).join('\n')).not.toContain('débits');
  });

  it('reference the credited invoice on a credit note, which has no due date', () => {
    const mentions = texts(SAMPLE_DOCUMENTS.creditNote());
    expect(mentions).toContain('Avoir se rapportant à la facture n° F-2026-00042 du 24/11/2026');
    expect(mentions.join('\n')).not.toContain('échéance du paiement');
    expect(documentTitle('381')).toBe('Avoir');
  });

  it('name the deposits a final invoice deducts, and a deposit invoice as such', () => {
    expect(texts(SAMPLE_DOCUMENTS.final())).toContain(
      `Acompte déduit (4${NBSP}320,00${NBSP}€ TTC) : facture n° F-2026-00043 du 24/11/2026`,
    );
    expect(texts(SAMPLE_DOCUMENTS.deposit())).toContain('Facture d’acompte à valoir sur la facture définitive');
    expect(documentTitle('386')).toBe('Facture d’acompte');
  });

  it('describe the retention (retenue de garantie) with its amount', () => {
    expect(texts(SAMPLE_DOCUMENTS.mixedRates()).find((t) => t.startsWith('Retenue'))).toBe(
      `Retenue de garantie de 5${NBSP}%, soit 39,52 € TTC, conservée jusqu’à l’expiration du délai de garantie d’un an à compter de la réception des travaux (loi n° 71-584 du 16 juillet 1971)`,
    );
  });

  it('become XML notes with each required subject code once, and BAR = B2B for a company buyer', () => {
    const doc = SAMPLE_DOCUMENTS.deposit();
    const notes = documentNotes(doc, legalMentions(doc));
    const codes = notes.map((n) => n.subjectCode);
    expect(codes).toEqual(['AAI', 'REG', 'AAB', 'PMD', 'PMT', 'TXD', 'BAR']);
    expect(notes.at(-1)).toEqual({ subjectCode: 'BAR', content: 'B2B' });
    const consumer = { ...doc, buyer: { ...doc.buyer, siren: null } };
    expect(documentNotes(consumer, legalMentions(consumer)).at(-1)).toEqual({ subjectCode: 'BAR', content: 'B2C' });
  });
});
