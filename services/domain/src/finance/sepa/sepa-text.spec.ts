import { describe, expect, it } from 'vitest';
import { SEPA_CHARS, sepaIdentifierProblem, sepaText, toSepaText } from './sepa-text';

describe('SEPA Latin character set', () => {
  it('transliterates French names', () => {
    expect(toSepaText('Société Générale d’Hôtellerie & Fils')).toBe("Societe Generale d'Hotellerie + Fils");
    expect(toSepaText('Œuvre de la Cité — Zoë Müller, Straße 5')).toBe('OEuvre de la Cite - Zoe Muller, Strasse 5');
    expect(toSepaText('Ça coûte 5 € ; «ok»')).toBe("Ca coute 5 'ok'");
    expect(SEPA_CHARS.test(toSepaText('àâäçéèêëîïôöùûüÿñ ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÑ @#*'))).toBe(true);
  });

  it('cuts to the maximum length without a trailing space', () => {
    expect(sepaText('a'.repeat(69) + ' bcd', 70)).toBe('a'.repeat(69));
    expect(sepaText('é'.repeat(200), 140)).toHaveLength(140);
  });

  it('checks identifiers', () => {
    expect(sepaIdentifierProblem('F-2026-00042')).toBeNull();
    expect(sepaIdentifierProblem('')).toMatch(/obligatoire/);
    expect(sepaIdentifierProblem('x'.repeat(36))).toMatch(/35/);
    expect(sepaIdentifierProblem('F_2026')).toMatch(/caractères/);
    expect(sepaIdentifierProblem('/F2026')).toMatch(/commencer/);
    expect(sepaIdentifierProblem('F2026/')).toMatch(/finir/);
    expect(sepaIdentifierProblem('F//2026')).toMatch(/\/\//);
  });
});
