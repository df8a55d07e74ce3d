/** POST /api/v1/widget/session: returns our token when the server knows it, else a new visitor's. */
export async function resumeVisitorSession(
  visitorToken: string | null,
): Promise<{ visitorToken: string; visitorId: string }> {
  const res = await fetch('/api/v1/widget/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(visitorToken ? { visitorToken } : {}),
  });
  if (!res.ok) throw new Error(`session: HTTP ${res.status}`);
  return (await res.json()) as { visitorToken: string; visitorId: string };
}
