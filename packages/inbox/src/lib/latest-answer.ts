/**
 * Keeps answers that arrive out of order from going back in time. Every request that will set
 * the same state takes a ticket when it is sent; its answer lands only if no request sent after
 * it has landed already. A slow refresh can then never put back what a newer save or load
 * returned, and an answer for a conversation the user has left never lands on the next one.
 */
export function createLatestAnswer() {
  let issued = 0;
  let landed = 0;
  return {
    /** A ticket for a request being sent now. */
    ticket: (): number => ++issued,
    /** Whether the answer to `ticket` may land; when it may, it is recorded as landed. */
    mayLand(ticket: number): boolean {
      if (ticket <= landed) return false;
      landed = ticket;
      return true;
    },
    /** Every request sent so far is outdated (the subject changed). */
    outdateAll(): void {
      landed = issued;
    },
  };
}
export type LatestAnswer = ReturnType<typeof createLatestAnswer>;
