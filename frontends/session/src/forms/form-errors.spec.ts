import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { sessionEn } from '../i18n/session.en';
import { sessionFr } from '../i18n/session.fr';
import { fieldProblemMessage, formErrors, type Translate } from './form-errors';

/** A catalogue lookup like i18next's: `undefined` for a missing key, `{{x}}` replaced. */
const catalogue =
  (texts: object): Translate =>
  (key, options = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
    return typeof text === 'string' ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name])) : undefined;
  };
const fr = catalogue(sessionFr);
const en = catalogue(sessionEn);

const refused = (fields: { field: string; message: string; reason?: string }[]) =>
  new CombinedGraphQLErrors({
    errors: [{ message: fields.map((f) => `${f.field}: ${f.message}`).join('; '), extensions: { code: 'VALIDATION_FAILED', fields } }],
  });

const invoiceLines = (formPath: string) => (/^lines\.\d+\.(quantity|unitPrice|description)$/.test(formPath) ? formPath : null);

describe('form errors', () => {
  it('puts each refused field under its input, in the user’s language, without path or code', () => {
    const error = refused([
      { field: 'lines[0].quantity', message: 'quantité positive', reason: 'MUST_BE_POSITIVE' },
      { field: 'lines[1].description', message: 'désignation obligatoire', reason: 'REQUIRED' },
    ]);
    expect(formErrors(error, invoiceLines, fr)).toEqual({
      fields: { 'lines.0.quantity': 'La valeur doit être positive', 'lines.1.description': 'Ce champ est obligatoire' },
      general: [],
    });
    expect(formErrors(error, invoiceLines, en).fields['lines.0.quantity']).toBe('The value must be positive');
  });

  it('falls back to the server’s message when the reason says nothing more (INVALID) or is unknown', () => {
    expect(fieldProblemMessage({ field: 'email', message: 'adresse e-mail invalide', reason: 'INVALID' }, fr)).toBe(
      'Adresse e-mail invalide',
    );
    expect(fieldProblemMessage({ field: 'email', message: 'adresse e-mail invalide', reason: 'NEW_REASON' }, en)).toBe(
      'Adresse e-mail invalide',
    );
    expect(fieldProblemMessage({ field: 'email', message: 'adresse e-mail invalide' }, fr)).toBe('Adresse e-mail invalide');
  });

  it('names the line of a problem no input shows, and keeps the first message of a field', () => {
    const error = refused([
      { field: 'lines[2].vatRateCode', message: 'taux de TVA inconnu : X', reason: 'UNKNOWN_VALUE' },
      { field: 'lines', message: 'au moins une ligne' },
      { field: 'lines[0].quantity', message: 'quantité non nulle', reason: 'MUST_NOT_BE_ZERO' },
      { field: 'lines[0].quantity', message: 'au plus 4 décimales', reason: 'TOO_MANY_DECIMALS' },
    ]);
    expect(formErrors(error, invoiceLines, fr)).toEqual({
      fields: { 'lines.0.quantity': 'La valeur ne peut pas être zéro' },
      general: ['Ligne 3 : Valeur inconnue : choisissez-la dans la liste', 'Au moins une ligne'],
    });
  });

  it('gives any other refusal as one general message, and nothing without an error', () => {
    const conflict = new CombinedGraphQLErrors({
      errors: [{ message: 'Facture déjà émise', extensions: { code: 'INVOICE_ALREADY_ISSUED', invoiceNumber: 'F-2026-00012' } }],
    });
    expect(formErrors(conflict, invoiceLines, fr)).toEqual({
      fields: {},
      general: ['La facture F-2026-00012 est émise : elle ne change plus. Corrigez-la par un avoir.'],
    });
    expect(formErrors(conflict, invoiceLines, en).general).toEqual([
      'Invoice F-2026-00012 is issued: it no longer changes. Correct it with a credit note.',
    ]);
    expect(formErrors(null, invoiceLines, fr)).toEqual({ fields: {}, general: [] });
  });
});
