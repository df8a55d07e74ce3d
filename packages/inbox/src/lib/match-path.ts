/** Matches "/inbox/:folder/:id" against a pathname; returns the params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  const rest = patternParts[patternParts.length - 1] === '*';
  if (rest ? pathParts.length < patternParts.length - 1 : pathParts.length !== patternParts.length)
    return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const part = patternParts[i] as string;
    if (part === '*') {
      params['*'] = pathParts.slice(i).join('/');
      break;
    }
    const actual = pathParts[i];
    if (actual === undefined) return null;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}
