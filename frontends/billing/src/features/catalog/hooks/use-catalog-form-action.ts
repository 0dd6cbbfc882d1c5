import { useFormAction } from '@relais/session';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { billingNamespace } from '../../../i18n/register';
import { catalogFormPath, isCodeTaken, type CatalogFormValues } from './catalog-form';

/** The form's save: refused fields under their inputs, a code already used under the code. */
export function useCatalogFormAction(form: UseFormReturn<CatalogFormValues>) {
  const { t } = useTranslation(billingNamespace);
  const action = useFormAction(form, catalogFormPath);
  const run = <R>(save: () => Promise<R>) =>
    action.run(async () => {
      try {
        return await save();
      } catch (error) {
        if (!isCodeTaken(error)) throw error;
        form.setError('code', { type: 'server', message: t('catalog.form.codeTaken') }, { shouldFocus: true });
        return undefined;
      }
    });
  return { ...action, run };
}
