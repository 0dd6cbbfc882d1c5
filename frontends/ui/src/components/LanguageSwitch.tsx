import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, supportedLanguages } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.resolvedLanguage ?? 'fr'}
      onChange={(value) => isLanguage(value) && changeLanguage(value)}
      data={supportedLanguages.map((language) => ({
        value: language,
        label: t(`language.${language}`),
      }))}
    />
  );
}
