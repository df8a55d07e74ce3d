/**
 * The sentence under a file that did not upload, from the reason the shared tray keeps (a code of
 * the error catalogue, NETWORK, or HTTP_<status> from a proxy). A key of the `files.error` strings.
 */
export function uploadRefusalKey(code: string | null): string {
  switch (code) {
    case 'ATTACHMENT_TOO_LARGE':
      return 'files.error.tooLarge';
    case 'ATTACHMENT_TYPE_NOT_ALLOWED':
      return 'files.error.typeNotAllowed';
    case 'ATTACHMENT_UNREADABLE':
      return 'files.error.unreadable';
    case 'ATTACHMENT_POLYGLOT':
      return 'files.error.polyglot';
    case 'ATTACHMENT_QUOTA_EXCEEDED':
      return 'files.error.quota';
    case 'ATTACHMENT_INCOMPLETE':
      return 'files.error.incomplete';
    case 'RATE_LIMITED':
      return 'files.error.rateLimited';
    case 'NETWORK':
      return 'files.error.network';
    case 'CONVERSATION_CLOSED':
      return 'files.error.closed';
    case 'CONVERSATION_NOT_FOUND':
    case 'INVALID_TRANSITION':
    case 'FORBIDDEN':
      return 'files.error.notAllowed';
    default:
      return 'files.error.generic';
  }
}
