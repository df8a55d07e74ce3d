import type { THighlightSegment } from '@charla/protocol';

/**
 * A search excerpt: plain text with the matched words in `<mark>`. Segments are rendered as
 * React text nodes, so nothing in a message can become markup.
 */
export function HighlightedText({ segments }: { segments: THighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="search-mark">
            {segment.text}
          </mark>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
