// The Markdown parser on inputs that make naive parsers backtrack (the same inputs the unit test
// feeds it, which only checks it answers): milliseconds per input, median of 5 runs.
import { tsImport } from 'tsx/esm/api';

export async function parserScenario() {
  const { parseMarkdown } = await tsImport(
    '../../packages/protocol/src/rich-text/parse-markdown.ts',
    import.meta.url,
  );
  const { pathologicalMarkdown } = await tsImport(
    '../../packages/protocol/src/rich-text/pathological-markdown.ts',
    import.meta.url,
  );
  const inputs = pathologicalMarkdown();
  const runs = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    for (const md of inputs) parseMarkdown(md);
    runs.push(performance.now() - started);
  }
  const median = [...runs].sort((a, b) => a - b)[2];
  return {
    figures: [
      {
        name: 'parser.pathological_markdown',
        value: Math.round(median),
        unit: 'ms',
        conditions: `${inputs.length} pathological inputs of 50 000 characters each, parsed once; median of 5 runs`,
        target: '< 10000 ms (linear work)',
        ok: median < 10_000,
      },
    ],
  };
}
