/** The sentence under a refused message, from the server's error code (the catalogue's). */
export function sendFailureKey(code: string | undefined): string {
  switch (code) {
    case 'FRAME_TOO_LARGE':
    case 'VALIDATION_FAILED':
      return 'timeline.failedTooLong';
    case 'CONVERSATION_CLOSED':
      return 'timeline.failedClosed';
    case 'FORBIDDEN':
    case 'CONVERSATION_NOT_FOUND':
      return 'timeline.failedForbidden';
    case 'RATE_LIMITED':
      return 'timeline.failedRateLimited';
    case 'ATTACHMENT_NOT_FOUND':
      return 'files.failedSend';
    default:
      return 'timeline.failed';
  }
}
