/** Plural forms a message can have; `other` is always required (Intl.PluralRules categories). */
export interface PluralMessage {
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageValue = string | PluralMessage;

/**
 * The shape every locale must have: the same keys as English, each a string (or plural forms
 * where English has them). A missing key in `es.ts` or `it.ts` is a type error.
 */
export type MessagesOf<Source extends Record<string, MessageValue>> = {
  readonly [Key in keyof Source]: Source[Key] extends string ? string : PluralMessage;
};

export type Params = Readonly<Record<string, string | number>>;
