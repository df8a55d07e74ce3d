/** A client message id the server stores uniquely, so a retried send is a no-op (R28). */
export function newClientMsgId(): string {
  return `c${Date.now().toString(36)}-${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}
