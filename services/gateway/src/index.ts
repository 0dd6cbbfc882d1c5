export * from './gateway';
export * from './limits';
