/** Same keys as the French source, every leaf a string: other languages must translate every label. */
export type TranslationShape<T> = {
  [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]>;
};
