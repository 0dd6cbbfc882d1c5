export type { BankFileFormat, ParsedMovement, ParsedMovementDetail, ParsedStatement } from './statement';
export type { BankFileErrorReason } from './bank-file-error';
export { detectBankFileFormat, parseBankFile } from './detect';
export { decodeBankFile } from './decode';
