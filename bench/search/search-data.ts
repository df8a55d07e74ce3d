// Deterministic data for the search benchmark: a Zipf-like vocabulary of invented words, chat
// messages drawn from it, and visitors with Spanish names (accents included, to exercise folding).

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu'.split(
    ' ',
  );
export const FIRST_NAMES =
  'Lucía María Sofía Martina Paula Julia Valeria Jimena Álvaro Hugo Martín Lucas Mateo Leo Daniel Pablo Manuel José Andrés Íñigo Zoë Inés Óscar Ramón Nuria Begoña Iñaki Ángela Noé Raúl'.split(
    ' ',
  );
export const SURNAMES =
  'García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Suárez Molina Castro Ortega Rubio Marín Sanz Núñez Iglesias Medina Garrido'.split(
    ' ',
  );

export type SearchData = {
  vocabulary: string[];
  /** A word by Zipf rank (0 = most frequent). */
  pickWord(): string;
  message(): string;
  visitorName(i: number): string;
  rand: () => number;
};

export function createSearchData(seed = 15, vocabularySize = 20_000): SearchData {
  const rand = prng(seed);
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  while (vocabulary.length < vocabularySize) {
    const n = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i += 1) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      vocabulary.push(w);
    }
  }
  // Density ∝ 1/rank (Zipf, exponent 1): rank = floor(exp(u · ln N)).
  const logN = Math.log(vocabularySize);
  const pickWord = () =>
    vocabulary[Math.min(vocabularySize - 1, Math.floor(Math.exp(rand() * logN)) - 1)] as string;
  return {
    vocabulary,
    pickWord,
    message: () => Array.from({ length: 5 + Math.floor(rand() * 11) }, pickWord).join(' '),
    visitorName: (i) =>
      `${FIRST_NAMES[i % FIRST_NAMES.length]} ${SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]}`,
    rand,
  };
}

/** The benchmark's queries by kind; "frequent" (a top-10 word) is the worst case, reported apart. */
export function benchQueries(data: SearchData, perKind: number, seed = 99): [string, string[]][] {
  const r = prng(seed);
  const at = (lo: number, hi: number) => data.vocabulary[lo + Math.floor(r() * (hi - lo))] as string;
  const list = (f: () => string) => Array.from({ length: perKind }, f);
  return [
    ['rare word', list(() => at(3_000, 20_000))],
    ['common word', list(() => at(100, 1_000))],
    [
      'surname, unaccented',
      list(() =>
        (SURNAMES[Math.floor(r() * SURNAMES.length)] as string)
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .toLowerCase(),
      ),
    ],
    ['full name', list(() => data.visitorName(Math.floor(r() * 1000)))],
    ['two words', list(() => `${at(100, 1_000)} ${at(1_000, 20_000)}`)],
    ['prefix (4 letters)', list(() => at(300, 3_000).slice(0, 4))],
    ['frequent word (worst case)', list(() => at(0, 10))],
  ];
}
