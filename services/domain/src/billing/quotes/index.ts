export * from './quote.entity';
export * from './quote.rules';
export * from './quote-billing.rules';
export * from './quote.service';
export * from './quote-public.service';
export * from './quote-mail.rules';
export * from './quote-document';
export * from './quote-sending';
