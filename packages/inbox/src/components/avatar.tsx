const PALETTE = ['#4f46e5', '#0e7490', '#b45309', '#be185d', '#15803d', '#7c3aed', '#c2410c', '#1d4ed8'];

function colourFor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? '#4f46e5';
}

function initialsOf(name: string): string {
  const parts = name.replace(/#\d+/, '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}

/** A round avatar: the picture when there is one, coloured initials otherwise. */
export function Avatar({
  name,
  url,
  seed,
  size = 32,
  online,
}: {
  name: string;
  url?: string | null;
  seed?: string;
  size?: number;
  online?: boolean;
}) {
  return (
    <span
      className="avatar"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.4),
        background: url ? undefined : colourFor(seed ?? name),
      }}
      aria-hidden="true"
    >
      {url ? <img src={url} alt="" width={size} height={size} /> : initialsOf(name)}
      {online !== undefined && <span className={`avatar__dot ${online ? 'avatar__dot--on' : ''}`} />}
    </span>
  );
}
