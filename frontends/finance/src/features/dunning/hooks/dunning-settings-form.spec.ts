import { describe, expect, it } from 'vitest';
import { newLevel, settingsInput, settingsPath, settingsValues } from './dunning-settings-form';

const settings = {
  __typename: 'DunningSettings' as const,
  levels: [
    {
      __typename: 'DunningLevel' as const,
      rank: 2,
      name: 'Deuxième relance',
      daysAfterDue: 15,
      channel: 'EMAIL' as const,
      attachInvoicePdf: true,
      formalNotice: false,
      chargeLateInterest: false,
      chargeFixedIndemnity: false,
    },
    {
      __typename: 'DunningLevel' as const,
      rank: 1,
      name: 'Relance amicale',
      daysAfterDue: 7,
      channel: 'EMAIL' as const,
      attachInvoicePdf: false,
      formalNotice: false,
      chargeLateInterest: false,
      chargeFixedIndemnity: false,
    },
  ],
  lateInterestRate: '12.1500',
  minimumDaysBetween: 5,
  mode: 'PREVIEW' as const,
  version: 3,
};

describe('dunning settings form', () => {
  it('edits the levels in rank order and the rate as typed in French', () => {
    const values = settingsValues(settings);
    expect(values.levels.map((level) => [level.name, level.daysAfterDue])).toEqual([
      ['Relance amicale', '7'],
      ['Deuxième relance', '15'],
    ]);
    expect(values.lateInterestRate).toBe('12,15');
    expect(values.minimumDaysBetween).toBe('5');
  });

  it('ranks the levels in the order shown and gives the API its numbers', () => {
    const values = settingsValues(settings);
    values.levels.reverse();
    values.levels[0]!.name = '  Rappel  ';
    values.lateInterestRate = '10,5';
    values.minimumDaysBetween = ' 7 ';
    const input = settingsInput(values);
    expect(input.levels.map((level) => [level.rank, level.name, level.daysAfterDue])).toEqual([
      [1, 'Rappel', 15],
      [2, 'Relance amicale', 7],
    ]);
    expect(input).toMatchObject({ lateInterestRate: '10.5', minimumDaysBetween: 7, mode: 'PREVIEW' });
  });

  it('adds a level 15 days after the last one', () => {
    expect(newLevel(settingsValues(settings).levels[1])).toMatchObject({ daysAfterDue: '30', channel: 'EMAIL', name: '' });
    expect(newLevel(undefined).daysAfterDue).toBe('7');
  });

  it('places the fields the server names on the level inputs, not the ranks nor the list', () => {
    expect(settingsPath('levels.1.daysAfterDue')).toBe('levels.1.daysAfterDue');
    expect(settingsPath('levels.0.name')).toBe('levels.0.name');
    expect(settingsPath('lateInterestRate')).toBe('lateInterestRate');
    expect(settingsPath('levels.1.rank')).toBeNull();
    expect(settingsPath('levels')).toBeNull();
  });
});
