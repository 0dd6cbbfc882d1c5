import { apiDecimal, editableDecimal } from '@relais/ui';
import type { Path } from 'react-hook-form';
import type { DunningChannel, DunningMode, DunningSettingsFieldsFragment, DunningSettingsInput } from '../../../gql/graphql';

/** The server takes 1 to 6 levels. */
export const MAX_LEVELS = 6;

export const dunningChannels: readonly DunningChannel[] = ['EMAIL', 'LETTER'];
export const dunningModes: readonly DunningMode[] = ['PREVIEW', 'AUTO'];

/** A level as edited: days as typed; its rank is its place in the list. */
export interface LevelValues {
  name: string;
  daysAfterDue: string;
  channel: DunningChannel;
  attachInvoicePdf: boolean;
  formalNotice: boolean;
  chargeLateInterest: boolean;
  chargeFixedIndemnity: boolean;
}

export interface DunningSettingsValues {
  levels: LevelValues[];
  /** Yearly percent as a French user types it ("12,15"). */
  lateInterestRate: string;
  minimumDaysBetween: string;
  mode: DunningMode;
}

/** The settings as the form edits them. */
export function settingsValues(settings: DunningSettingsFieldsFragment): DunningSettingsValues {
  return {
    levels: [...settings.levels]
      .sort((a, b) => a.rank - b.rank)
      .map((level) => ({
        name: level.name,
        daysAfterDue: String(level.daysAfterDue),
        channel: level.channel,
        attachInvoicePdf: level.attachInvoicePdf,
        formalNotice: level.formalNotice,
        chargeLateInterest: level.chargeLateInterest,
        chargeFixedIndemnity: level.chargeFixedIndemnity,
      })),
    lateInterestRate: editableDecimal(settings.lateInterestRate, 2),
    minimumDaysBetween: String(settings.minimumDaysBetween),
    mode: settings.mode,
  };
}

/** A level added after the last one: a reminder by e-mail, 15 days later. */
export function newLevel(after: LevelValues | undefined): LevelValues {
  const previousDays = Number(after?.daysAfterDue);
  return {
    name: '',
    daysAfterDue: after && Number.isInteger(previousDays) ? String(previousDays + 15) : '7',
    channel: 'EMAIL',
    attachInvoicePdf: true,
    formalNotice: false,
    chargeLateInterest: false,
    chargeFixedIndemnity: false,
  };
}

/** Whole days, as typed (the server checks the order of the levels). */
export const isWholeDays = (typed: string): boolean => /^\d{1,4}$/.test(typed.trim());

/** The settings for updateDunningSettings: ranks 1..n in the order shown, numbers as the API reads them. */
export function settingsInput(values: DunningSettingsValues): DunningSettingsInput {
  return {
    levels: values.levels.map((level, index) => ({
      rank: index + 1,
      name: level.name.trim(),
      daysAfterDue: Number(level.daysAfterDue.trim()),
      channel: level.channel,
      attachInvoicePdf: level.attachInvoicePdf,
      formalNotice: level.formalNotice,
      chargeLateInterest: level.chargeLateInterest,
      chargeFixedIndemnity: level.chargeFixedIndemnity,
    })),
    lateInterestRate: apiDecimal(values.lateInterestRate),
    minimumDaysBetween: Number(values.minimumDaysBetween.trim()),
    mode: values.mode,
  };
}

const topLevelFields = new Set(['lateInterestRate', 'minimumDaysBetween', 'mode']);
const levelField = /^levels\.\d+\.(name|daysAfterDue|channel|attachInvoicePdf|formalNotice|chargeLateInterest|chargeFixedIndemnity)$/;

/**
 * The input showing a field updateDunningSettings refused ("levels.1.daysAfterDue"), if the form has
 * one; a level's rank (the form numbers the levels itself) and the list as a whole have none.
 */
export function settingsPath(field: string): Path<DunningSettingsValues> | null {
  if (topLevelFields.has(field) || levelField.test(field)) return field as Path<DunningSettingsValues>;
  return null;
}
