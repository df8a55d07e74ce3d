/**
 * One field's problem in a VALIDATION_FAILED answer (`error.details`). `message` is the
 * validator's English; `rule` says what was broken in a way a client can put in its reader's
 * language, with `limit` the number the rule compares with (characters for text, the value for
 * numbers). A rule a client does not know reads as `invalid`.
 */
export type TFieldIssue = {
  path: string;
  message: string;
  rule?: TFieldRule;
  limit?: number;
};

export type TFieldRule =
  'required' | 'too_long' | 'too_short' | 'too_large' | 'too_small' | 'email' | 'url' | 'invalid';
