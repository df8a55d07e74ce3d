/** The one catalogue of error codes: each code has its HTTP status and a message a user may see. */
export const errorCatalogue = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed.' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  VALIDATION_FAILED: { status: 422, message: 'Some fields are invalid.' },
  INVALID_CURSOR: { status: 422, message: 'The page cursor is invalid; start again from the first page.' },
  UNAUTHENTICATED: { status: 401, message: 'You need to log in.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is wrong.' },
  VISITOR_TOKEN_INVALID: { status: 401, message: 'The visitor token is unknown or expired.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'Requests from this origin are not allowed.' },
  NOT_FOUND: { status: 404, message: 'Nothing is here.' },
  USER_NOT_FOUND: { status: 404, message: 'The user does not exist.' },
  SESSION_NOT_FOUND: { status: 404, message: 'The session does not exist.' },
  CONVERSATION_NOT_FOUND: { status: 404, message: 'The conversation does not exist or you cannot see it.' },
  PLAYBOOK_NOT_FOUND: { status: 404, message: 'The playbook does not exist.' },
  RECORD_NOT_FOUND: { status: 404, message: 'The record does not exist.' },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'The webhook does not exist.' },
  API_TOKEN_NOT_FOUND: { status: 404, message: 'The API token does not exist.' },
  PRIVACY_SUBJECT_NOT_FOUND: { status: 404, message: 'No data about this person or visitor is stored here.' },
  TEAM_NOT_FOUND: { status: 404, message: 'The team does not exist.' },
  TEAM_NAME_TAKEN: { status: 409, message: 'A team with this name already exists.' },
  LABEL_NOT_FOUND: { status: 404, message: 'The label does not exist.' },
  LABEL_NAME_TAKEN: { status: 409, message: 'A label with this name already exists.' },
  LABEL_COLOR_UNKNOWN: { status: 422, message: 'Pick one of the palette’s label colours.' },
  LABEL_UNKNOWN: { status: 422, message: 'No label has this id; reload the labels.' },
  LABEL_LIMIT_REACHED: { status: 422, message: 'A conversation carries at most 10 labels.' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: 'The file is larger than the limit for one file.' },
  ATTACHMENT_QUOTA_EXCEEDED: { status: 413, message: 'This conversation has no room for more files.' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message: 'This type of file cannot be sent: send an image (PNG, JPEG, GIF, WebP) or a PDF.',
  },
  ATTACHMENT_POLYGLOT: {
    status: 415,
    message: 'The file is also something else (a web page, a script or an archive) and cannot be sent.',
  },
  ATTACHMENT_UNREADABLE: { status: 422, message: 'The file is damaged or too large to open as an image.' },
  ATTACHMENT_INCOMPLETE: { status: 400, message: 'The file did not arrive whole; send it again.' },
  ATTACHMENT_NOT_FOUND: {
    status: 404,
    message: 'The file does not exist, was already sent, or you cannot see it.',
  },
  ATTACHMENT_LINK_INVALID: {
    status: 403,
    message: 'The file link is not valid or has expired; open the file from the conversation again.',
  },
  EMAIL_TAKEN: { status: 409, message: 'A user with this email already exists.' },
  CONFLICT: { status: 409, message: 'The resource changed meanwhile.' },
  CONVERSATION_ALREADY_ASSIGNED: { status: 409, message: 'Someone else took this conversation first.' },
  CONVERSATION_CLOSED: { status: 409, message: 'The conversation is closed.' },
  INVALID_TRANSITION: {
    status: 409,
    message: 'This action is not possible in the conversation’s current state.',
  },
  WAITING_TIME_OVER: {
    status: 409,
    message: 'The waiting time is over: the visitor went on to the offline path.',
  },
  NOT_ASSIGNEE: { status: 403, message: 'Only the user the conversation is assigned to can do this.' },
  ANSWER_NOT_EXPECTED: { status: 409, message: 'The bot is not waiting for this answer.' },
  PLAYBOOK_INVALID: { status: 422, message: 'The playbook has errors.' },
  REVISION_CONFLICT: { status: 409, message: 'The playbook was changed by someone else; reload it.' },
  LAST_ADMIN: { status: 409, message: 'The last active admin cannot be demoted or deactivated.' },
  SETUP_ALREADY_DONE: { status: 409, message: 'Charla is already set up.' },
  SETUP_TOKEN_INVALID: { status: 403, message: 'The setup link is invalid.' },
  WEBHOOK_URL_FORBIDDEN: {
    status: 422,
    message: 'Webhook URLs on loopback or private addresses are not allowed.',
  },
  PUSH_ENDPOINT_FORBIDDEN: { status: 422, message: 'Push subscription endpoints must be public https URLs.' },
  PRIVACY_URL_NOT_WEB: {
    status: 422,
    message: 'The privacy link must be a web address that starts with https:// or http://.',
  },
  CRM_REFERENCE_NOT_FOUND: { status: 422, message: 'A referenced record does not exist.' },
  CRM_STAGE_NOT_IN_PIPELINE: { status: 422, message: 'The stage does not belong to the pipeline.' },
  CRM_LEAD_NOT_OPEN: { status: 409, message: 'Only an open lead can be converted.' },
  CRM_LEAD_EXISTS: {
    status: 409,
    message: 'This conversation already has a lead; pass another=true to create one more.',
  },
  CRM_DEAL_EXISTS: {
    status: 409,
    message: 'This conversation already has a deal; pass another=true to create one more.',
  },
  CRM_STAGE_IN_USE: { status: 409, message: 'Deals are still in this stage or pipeline; move them first.' },
  CRM_PIPELINE_NEEDS_STAGE: { status: 409, message: 'A pipeline keeps at least one stage.' },
  CRM_MOVE_TARGET_INVALID: {
    status: 422,
    message:
      'Deals can move only to a stage that stays: another stage of the pipeline, or a stage of another pipeline when the pipeline goes.',
  },
  CRM_DEFAULT_PIPELINE: {
    status: 409,
    message: 'The default pipeline cannot be deleted; make another one the default first.',
  },
  NOTE_EMPTY: { status: 422, message: 'A private note needs some text.' },
  NOTE_TOO_LONG: { status: 422, message: 'A private note can be at most 5,000 characters long.' },
  MENTION_USER_UNKNOWN: { status: 422, message: 'A mentioned user does not exist or is deactivated.' },
  RATING_OUT_OF_RANGE: { status: 422, message: 'The rating must be a whole number on the survey’s scale.' },
  RATING_CONVERSATION_OPEN: { status: 409, message: 'A conversation can be rated once it is closed.' },
  RATING_WINDOW_OVER: { status: 409, message: 'The time to rate this conversation is over.' },
  RATING_NOT_ASKED: { status: 409, message: 'This chat does not ask for a rating.' },
  CANNED_RESPONSE_NOT_FOUND: { status: 404, message: 'No canned response with this id that you can use.' },
  CANNED_SHORTCUT_TAKEN: {
    status: 409,
    message: 'Another canned response of this scope already has this shortcut.',
  },
  CANNED_VARIABLE_INVALID: {
    status: 422,
    message:
      'A variable is not valid: use {{visitor.name}}, {{visitor.email}}, {{user.name}} or a playbook variable such as {{company_name}}, optionally with a fallback: {{visitor.name | there}}.',
  },
  CANNED_FILE_NOT_FOUND: { status: 404, message: 'This canned response has no file with this id.' },
  CANNED_FILE_LIMIT_REACHED: { status: 422, message: 'A canned response carries at most 10 files.' },
  REPORT_RANGE_INVALID: {
    status: 422,
    message: 'The report range must run forward and span at most 400 days.',
  },
  MAIL_ADDRESS_INVALID: { status: 422, message: 'The email address is not valid.' },
  INVITATION_INVALID: { status: 404, message: 'The invitation link is not valid.' },
  INVITATION_EXPIRED: { status: 410, message: 'The invitation link has expired; ask for a new one.' },
  INVITATION_USED: { status: 409, message: 'The invitation was already accepted; log in instead.' },
  INVITATION_REVOKED: { status: 410, message: 'The invitation was withdrawn.' },
  RESET_TOKEN_INVALID: { status: 404, message: 'The password reset link is not valid.' },
  RESET_TOKEN_EXPIRED: { status: 410, message: 'The password reset link has expired; ask for a new one.' },
  RESET_TOKEN_USED: { status: 409, message: 'The password reset link was already used.' },
  CURRENT_PASSWORD_WRONG: { status: 422, message: 'The current password is wrong.' },
  TRANSCRIPT_NO_ADDRESS: {
    status: 422,
    message: 'There is no email address to send the transcript to; enter one.',
  },
  VISITOR_NO_EMAIL: { status: 422, message: 'The visitor left no email address to write to.' },
  FOLLOW_UP_LINK_INVALID: { status: 404, message: 'The chat link is not valid.' },
  FOLLOW_UP_LINK_EXPIRED: { status: 410, message: 'The chat link has expired; write to us again.' },
  INBOUND_SECRET_INVALID: { status: 401, message: 'The inbound mail secret is wrong.' },
  INBOUND_MAIL_TOO_LARGE: { status: 413, message: 'The inbound mail is too large.' },
  INBOUND_MAIL_INVALID: {
    status: 422,
    message: 'The inbound mail is malformed (headers, sender or text).',
  },
  INBOUND_MAIL_UNROUTABLE: {
    status: 422,
    message: 'The inbound mail is not a reply to a Charla conversation.',
  },
  IDENTITY_HASH_INVALID: {
    status: 401,
    message:
      'The userHash does not match the userId: compute HMAC-SHA256(identity secret, userId) on your server.',
  },
  IDENTITY_VERIFICATION_REQUIRED: {
    status: 403,
    message: 'Charla.identify() needs a userId and its userHash here: only verified identities are accepted.',
  },
  IDENTITY_EMAIL_CHANGED: {
    status: 409,
    message: 'This verified user has another email on record; change it from your server with the REST API.',
  },
  IDENTITY_ATTRIBUTE_CHANGED: {
    status: 409,
    message:
      'An attribute of this verified user was set by your server; change it from your server with the REST API, not from the browser.',
  },
  IDENTITY_SECRET_EXPOSED: {
    status: 422,
    message:
      'The identity secret itself reached the browser: pass only the userHash, and rotate the secret now.',
  },
  IDENTITY_NOT_FOUND: { status: 404, message: 'No verified visitor has this userId.' },
  FRAME_TOO_LARGE: { status: 413, message: 'The WebSocket frame is larger than 64 KB.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  JSON_TOO_DEEP: { status: 422, message: 'The JSON is nested too deeply (at most 64 levels).' },
  JSON_TOO_LARGE: { status: 413, message: 'The JSON has too many values (at most 100,000).' },
  INVALID_URL: { status: 400, message: 'The URL is not valid.' },
  URL_TOO_LONG: { status: 414, message: 'The URL is too long.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request headers are too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send JSON with Content-Type: application/json.' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; try again later.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable; retry.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/** The error body every REST response and WebSocket error frame carries. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalogue, value);
}
