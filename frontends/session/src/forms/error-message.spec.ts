import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sessionEn } from '../i18n/session.en';
import { sessionFr } from '../i18n/session.fr';
import { errorCodes, errorMessage } from './error-message';
import type { Translate } from './field-problem-message';

/** The session catalogue in one language, looked up as the back-office does (i18next, its formatters). */
const translateIn = async (language: 'fr' | 'en'): Promise<Translate> => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    fallbackLng: 'fr',
    ns: ['session'],
    defaultNS: 'session',
    resources: { fr: { session: sessionFr }, en: { session: sessionEn } },
    interpolation: { escapeValue: false },
  });
  return (key, options) => (i18n.exists(key) ? i18n.t(key, { ...options }) : undefined);
};
const fr = await translateIn('fr');
const en = await translateIn('en');

const refused = (message: string, extensions: Record<string, unknown>) => new CombinedGraphQLErrors({ errors: [{ message, extensions }] });

const periodClosed = refused('La période de mars 2026 est clôturée : rien ne peut plus y être daté (14/03/2026)', {
  code: 'PERIOD_CLOSED',
  period: '2026-03',
  date: '2026-03-14',
});

/** Intl's thousands separators (narrow no-break spaces) as plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('error message', () => {
  it('says a known refusal in the user’s language, naming the period of its details', () => {
    expect(errorMessage(periodClosed, en)).toBe(
      'The period of March 2026 is closed: nothing can be dated in it any more. Choose a date in an open period.',
    );
    expect(errorMessage(periodClosed, fr)).toBe(
      'La période de mars 2026 est clôturée : rien ne peut plus y être daté. Choisissez une date dans une période ouverte.',
    );
    expect(errorCodes(periodClosed)).toEqual(['PERIOD_CLOSED']);
  });

  it('puts the invoice number, amounts and dates of the details in the text, formatted for the language', () => {
    const overpaid = refused('1300.00 € dépasse le reste dû de la facture F-2026-00012 (1234.56 €)', {
      code: 'PAYMENT_EXCEEDS_BALANCE',
      invoiceId: 'f1c1',
      invoiceNumber: 'F-2026-00012',
      openBalance: '1234.56',
    });
    expect(errorMessage(overpaid, en)).toBe(
      'This amount exceeds the balance due on invoice F-2026-00012 (€1,234.56). Allocate at most that amount.',
    );
    expect(plain(errorMessage(overpaid, fr))).toBe(
      'Ce montant dépasse le reste dû de la facture F-2026-00012 (1 234,56 €). Imputez au plus ce montant.',
    );
    const expired = refused('Le devis D-2026-0004 a expiré le 31/01/2026 : il ne peut plus être accepté', {
      code: 'QUOTE_EXPIRED',
      validUntil: '2026-01-31',
    });
    expect(errorMessage(expired, en)).toBe('This quote has not been valid since January 31, 2026. Give it a new validity date.');
    expect(errorMessage(expired, fr)).toBe(
      'Ce devis n’est plus valable depuis le 31 janvier 2026. Donnez-lui une nouvelle date de validité.',
    );
  });

  it('keeps the server’s message for an unknown code, or when the details lack what the text names', () => {
    const unknown = refused('Nouvelle règle refusée', { code: 'SOME_NEW_RULE' });
    expect(errorMessage(unknown, en)).toBe('Nouvelle règle refusée');
    expect(errorMessage(unknown, en)).not.toContain('SOME_NEW_RULE');
    const noLine = refused('Aucun relevé dans ce fichier', { code: 'BANK_FILE_INVALID', line: null, reason: 'NO_STATEMENT' });
    expect(errorMessage(noLine, en)).toBe('Aucun relevé dans ce fichier');
    expect(errorMessage(refused('Erreur sans code', {}), en)).toBe('Erreur sans code');
  });

  it('lists the refused fields of a VALIDATION_FAILED without their paths', () => {
    const invalid = refused('lines[1].quantity: quantité positive', {
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'lines[1].quantity', message: 'quantité positive', reason: 'MUST_BE_POSITIVE' }],
    });
    expect(errorMessage(invalid, en)).toBe('Some fields need fixing. Line 2 : The value must be positive');
    expect(errorMessage(invalid, en)).not.toContain('lines[1]');
  });

  it('explains transport failures: network, unreachable gateway, several refusals at once', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), en)).toBe('The server is not answering: check your connection, then try again.');
    const gatewayDown = new ServerError('Response not successful: Received status code 502', {
      response: new Response(null, { status: 502 }),
      bodyText: JSON.stringify({ errors: [{ message: 'GraphQL gateway unreachable', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] }),
    });
    expect(errorMessage(gatewayDown, fr)).toBe('Le service Relais est momentanément injoignable. Réessayez dans quelques instants.');
    expect(errorCodes(gatewayDown)).toEqual(['GATEWAY_UNAVAILABLE']);
    const twice = new CombinedGraphQLErrors({
      errors: [
        { message: 'Action non autorisée pour ce rôle', extensions: { code: 'FORBIDDEN' } },
        { message: 'Cet enregistrement a été modifié entre-temps ; rechargez-le', extensions: { code: 'STALE_VERSION' } },
      ],
    });
    expect(errorMessage(twice, en)).toBe(
      'Your role does not allow this action. Ask an administrator if you need it. — Someone changed it while you were looking at it. Reload it to start from its latest version.',
    );
  });
});
