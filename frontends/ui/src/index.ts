export { relaisTheme } from './theme';
export { i18n, registerTranslations, changeLanguage, supportedLanguages } from './i18n/i18n';
export type { Language } from './i18n/i18n';
export type { TranslationShape } from './i18n/translation-shape';
export { formatMoney, formatCount, formatDate } from './format/formatters';
export { apiDecimal, editableDecimal, isTypedDecimal } from './format/decimal-input';
export { isAmount, sumAmounts, subtractAmounts, minAmount, isPositiveAmount, isNegativeAmount } from './format/amounts';
export { todayInParis } from './format/today';
export { toCsv, downloadCsv, csvText, csvAmount, csvCount } from './format/csv';
export type { CsvCell } from './format/csv';
export { useFormatters } from './format/use-formatters';
export { UiProvider } from './components/UiProvider';
export { DataTable } from './components/DataTable';
export type { DataTableColumn, DataTableProps } from './components/DataTable';
export { PageHeader } from './components/PageHeader';
export { LoadingState, ErrorNotice } from './components/QueryStatus';
export { FieldList } from './components/FieldList';
export type { Field } from './components/FieldList';
export { AddressLines } from './components/AddressLines';
export type { PostalAddress } from './components/AddressLines';
export { LanguageSwitch } from './components/LanguageSwitch';
export { SectionCard } from './components/SectionCard';
export { FigureCard } from './components/FigureCard';
export { RunStateBadge } from './components/RunStateBadge';
export type { RunState } from './components/RunStateBadge';
export { SearchSelect } from './components/SearchSelect';
export { ContractRateCard, rateCardLabourTypes } from './components/ContractRateCard';
export type { RateCardView } from './components/ContractRateCard';
export type { SearchSelectOption } from './components/SearchSelect';
export {
  billingRhythms,
  billingTimings,
  contractPaymentMethods,
  emptyFeeLine,
  billingTermsFieldsFrom,
  billingTermsFieldsInput,
} from './forms/contract-billing-terms';
export type { BillingTermsFields, BillingTermsVersionLike, FeeLineValues, IndexationValues } from './forms/contract-billing-terms';
