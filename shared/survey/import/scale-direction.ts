/**
 * Which way a source's answer columns run. Our scales put the best answer at the top point, and
 * the report's means and top-box shares rely on it; a LimeSurvey array or SurveyJS matrix lists
 * its columns in whatever order its author chose ("Excellent, Good, Fair, Poor"). The direction
 * is read from the columns' numeric values when they are a run of whole numbers, else from the
 * order of known scale words (en, zh-Hans, zh-Hant, it, vi, fr, de, es, et), else it stays the
 * file order and is flagged as unsure. "N/A" and "don't know" columns become the scale's
 * not-applicable answer.
 */
import { note, type ImportNote } from './notes';

/** Scale words from worst (0) to best; words of one family share a ruler. */
const FAMILIES: Record<string, number>[] = [
  // quality
  {
    'very poor': 0,
    poor: 1,
    fair: 2,
    average: 2,
    good: 3,
    'very good': 4,
    excellent: 5,
    pessimo: 0,
    scarso: 1,
    insufficiente: 1,
    sufficiente: 2,
    discreto: 2.5,
    buono: 3,
    ottimo: 4,
    eccellente: 5,
    'très mauvais': 0,
    mauvais: 1,
    passable: 2,
    moyen: 2,
    bon: 3,
    'très bon': 4,
    excellente: 5,
    'sehr schlecht': 0,
    schlecht: 1,
    befriedigend: 2,
    mittelmäßig: 2,
    gut: 3,
    'sehr gut': 4,
    ausgezeichnet: 5,
    'muy malo': 0,
    malo: 1,
    regular: 2,
    bueno: 3,
    'muy bueno': 4,
    excelente: 5,
    'väga halb': 0,
    halb: 1,
    rahuldav: 2,
    hea: 3,
    'väga hea': 4,
    suurepärane: 5,
    'rất kém': 0,
    kém: 1,
    'trung bình': 2,
    tốt: 3,
    'rất tốt': 4,
    'xuất sắc': 5,
    非常差: 0,
    很差: 0,
    很不好: 0,
    差: 1,
    不好: 1,
    较差: 1,
    較差: 1,
    好: 3,
    良好: 3,
    很好: 4,
    非常好: 4.5,
    优秀: 5,
    優秀: 5,
    极好: 5,
    極好: 5,
  },
  // satisfaction
  {
    'very dissatisfied': 0,
    'extremely dissatisfied': 0,
    dissatisfied: 1,
    'somewhat dissatisfied': 1.5,
    'neither satisfied nor dissatisfied': 2,
    neutral: 2,
    'somewhat satisfied': 2.5,
    satisfied: 3,
    'very satisfied': 4,
    'extremely satisfied': 4.5,
    'completely satisfied': 4.5,
    'molto insoddisfatto': 0,
    'molto insoddisfatta': 0,
    insoddisfatto: 1,
    insoddisfatta: 1,
    'poco soddisfatto': 1.5,
    'né soddisfatto né insoddisfatto': 2,
    neutrale: 2,
    'abbastanza soddisfatto': 2.5,
    soddisfatto: 3,
    soddisfatta: 3,
    'molto soddisfatto': 4,
    'molto soddisfatta': 4,
    'très insatisfait': 0,
    'pas du tout satisfait': 0,
    insatisfait: 1,
    'peu satisfait': 1.5,
    neutre: 2,
    'plutôt satisfait': 2.5,
    satisfait: 3,
    'très satisfait': 4,
    'sehr unzufrieden': 0,
    unzufrieden: 1,
    'eher unzufrieden': 1.5,
    'eher zufrieden': 2.5,
    zufrieden: 3,
    'sehr zufrieden': 4,
    'muy insatisfecho': 0,
    insatisfecho: 1,
    satisfecho: 3,
    'muy satisfecho': 4,
    'väga rahulolematu': 0,
    rahulolematu: 1,
    'pigem rahul': 2.5,
    rahul: 3,
    'väga rahul': 4,
    'rất không hài lòng': 0,
    'không hài lòng': 1,
    'bình thường': 2,
    'hài lòng': 3,
    'rất hài lòng': 4,
    非常不满意: 0,
    不满意: 1,
    一般: 2,
    满意: 3,
    非常满意: 4,
    非常不滿意: 0,
    不滿意: 1,
    普通: 2,
    滿意: 3,
    非常滿意: 4,
  },
  // agreement
  {
    'strongly disagree': 0,
    disagree: 1,
    'somewhat disagree': 1.5,
    'neither agree nor disagree': 2,
    neutral: 2,
    'somewhat agree': 2.5,
    agree: 3,
    'strongly agree': 4,
    'fortemente in disaccordo': 0,
    'completamente in disaccordo': 0,
    'in disaccordo': 1,
    "né d'accordo né in disaccordo": 2,
    "d'accordo": 3,
    "fortemente d'accordo": 4,
    "completamente d'accordo": 4,
    "pas du tout d'accord": 0,
    "pas d'accord": 1,
    "plutôt pas d'accord": 1,
    "plutôt d'accord": 3,
    "d'accord": 3,
    "tout à fait d'accord": 4,
    'stimme überhaupt nicht zu': 0,
    'stimme nicht zu': 1,
    'stimme eher nicht zu': 1.5,
    'stimme eher zu': 2.5,
    'stimme zu': 3,
    'stimme voll und ganz zu': 4,
    'totalmente en desacuerdo': 0,
    'en desacuerdo': 1,
    'de acuerdo': 3,
    'totalmente de acuerdo': 4,
    'hoàn toàn không đồng ý': 0,
    'không đồng ý': 1,
    'đồng ý': 3,
    'hoàn toàn đồng ý': 4,
    非常不同意: 0,
    不同意: 1,
    中立: 2,
    同意: 3,
    非常同意: 4,
  },
  // likelihood and intent
  {
    'very unlikely': 0,
    unlikely: 1,
    likely: 3,
    'very likely': 4,
    'definitely not': 0,
    'probably not': 1,
    'might or might not': 2,
    probably: 3,
    definitely: 4,
    'molto improbabile': 0,
    improbabile: 1,
    probabile: 3,
    'molto probabile': 4,
    'très improbable': 0,
    improbable: 1,
    probable: 3,
    'très probable': 4,
    'không có khả năng': 1,
    'có khả năng': 3,
    'rất có khả năng': 4,
    非常不可能: 0,
    不太可能: 1,
    可能: 3,
    非常可能: 4,
  },
  // importance
  {
    'not at all important': 0,
    'not important': 1,
    'slightly important': 1,
    'moderately important': 2,
    'somewhat important': 2,
    important: 3,
    'very important': 4,
    'extremely important': 5,
    'per niente importante': 0,
    'poco importante': 1,
    importante: 3,
    'molto importante': 4,
    'không quan trọng': 1,
    'quan trọng': 3,
    'rất quan trọng': 4,
    非常不重要: 0,
    不重要: 1,
    重要: 3,
    非常重要: 4,
  },
  // frequency
  {
    never: 0,
    rarely: 1,
    sometimes: 2,
    often: 3,
    usually: 3.5,
    always: 4,
    mai: 0,
    raramente: 1,
    'a volte': 2,
    spesso: 3,
    sempre: 4,
    jamais: 0,
    rarement: 1,
    parfois: 2,
    souvent: 3,
    toujours: 4,
  },
];

/** "N/A", "don't know" and the like, in the same languages. */
const NOT_APPLICABLE = [
  'n/a',
  'na',
  'n.a.',
  'not applicable',
  'does not apply',
  "don't know",
  'dont know',
  'do not know',
  'no opinion',
  'prefer not to say',
  'non applicabile',
  'non pertinente',
  'non so',
  'sans objet',
  'non applicable',
  'ne sais pas',
  'nicht zutreffend',
  'weiß nicht',
  'keine angabe',
  'no aplica',
  'no sé',
  'no sabe',
  'ei kohaldu',
  'ei oska öelda',
  'không áp dụng',
  'không biết',
  '不适用',
  '不知道',
  '不適用',
  '無法回答',
  '无法回答',
];

const normal = (s: string) =>
  ` ${s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{M}'/. ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
const isLatin = (w: string) => /^[\p{Script=Latin}\s'./]+$/u.test(w);

/** The rank of the longest family word a label holds (whole words for Latin script), or undefined. */
function rankIn(family: Record<string, number>, texts: string[]): number | undefined {
  let best: { len: number; rank: number } | undefined;
  for (const text of texts) {
    const s = normal(text);
    for (const [word, rank] of Object.entries(family)) {
      const hit = isLatin(word) ? s.includes(` ${word} `) : s.includes(word);
      if (hit && (!best || word.length > best.len)) best = { len: word.length, rank };
    }
  }
  return best?.rank;
}

const isNotApplicable = (texts: string[]) =>
  texts.some((t) => {
    const s = normal(t).trim();
    return NOT_APPLICABLE.some((w) => s === w || (w.length > 3 && s.startsWith(w)));
  });

export interface Column {
  /** The column's label in each language it has. */
  texts: string[];
  /** The value the source stores for it (LimeSurvey's answer code, SurveyJS's column value). */
  value: string;
}

export interface ScaleReading {
  /** Each column's point on our scale, or 'na' for a not-applicable column. */
  points: (number | 'na')[];
  min: number;
  max: number;
  /** How the direction was told: numeric values, known scale words, or neither (file order). */
  from: 'values' | 'words' | 'order';
  /** The file listed the best answer first: the points run against the file order. */
  reversed: boolean;
}

/**
 * The points of a source's answer columns, best at the top.
 * @example readScale([{ texts: ['Excellent'], value: 'A1' }, { texts: ['Good'], value: 'A2' }, { texts: ['Poor'], value: 'A3' }])
 *   // { points: [3, 2, 1], min: 1, max: 3, from: 'words', reversed: true }
 */
export function readScale(columns: Column[]): ScaleReading {
  const na = columns.map((c) => isNotApplicable(c.texts));
  const rated = columns.map((c, i) => ({ c, i })).filter(({ i }) => !na[i]);
  const k = rated.length;
  const done = (points: (number | undefined)[], from: ScaleReading['from'], reversed: boolean): ScaleReading => {
    const all = columns.map((_, i) => (na[i] ? ('na' as const) : points[i]!));
    const nums = all.filter((p): p is number => p !== 'na');
    return { points: all, min: Math.min(...nums), max: Math.max(...nums), from, reversed };
  };
  const byOrder = (reversed: boolean) => {
    const points: (number | undefined)[] = [];
    rated.forEach(({ i }, j) => {
      points[i] = reversed ? k - j : j + 1;
    });
    return points;
  };

  // Values: a run of whole numbers (any order) sets each column's point, shifted to start at 1
  // unless it starts at 0 or 1.
  const nums = rated.map(({ c }) => (/^-?\d+$/.test(c.value.trim()) ? Number(c.value) : NaN));
  const sorted = [...nums].sort((a, b) => a - b);
  const run = nums.every((n) => !Number.isNaN(n)) && sorted.every((n, j) => j === 0 || n === sorted[j - 1] + 1);
  const byValue = () => {
    const shift = sorted[0] === 0 || sorted[0] === 1 ? 0 : 1 - sorted[0];
    const points: (number | undefined)[] = [];
    rated.forEach(({ i }, j) => {
      points[i] = nums[j] + shift;
    });
    return points;
  };

  // Words: when labels say "Excellent … Poor", they win over numeric codes that run 1 = Excellent.
  let bestFamily: { ranks: (number | undefined)[]; known: number } | undefined;
  for (const family of FAMILIES) {
    const ranks = rated.map(({ c }) => rankIn(family, c.texts));
    const known = ranks.filter((r) => r !== undefined).length;
    if (known >= 2 && (!bestFamily || known > bestFamily.known)) bestFamily = { ranks, known };
  }
  if (bestFamily) {
    const pairs = bestFamily.ranks
      .map((r, j) => ({ r, j }))
      .filter((x): x is { r: number; j: number } => x.r !== undefined);
    const up = pairs.every((x, n) => n === 0 || x.r > pairs[n - 1].r);
    const down = pairs.every((x, n) => n === 0 || x.r < pairs[n - 1].r);
    if (up || down) {
      // The values agree when they rise wherever the words do.
      const agree = run && pairs.every((x, n) => n === 0 || nums[x.j] > nums[pairs[n - 1].j] === up);
      if (agree) return done(byValue(), 'values', k > 1 && nums[0] > nums[k - 1]);
      return done(byOrder(down), 'words', down);
    }
  }
  if (run) return done(byValue(), 'values', k > 1 && nums[0] > nums[k - 1]);
  return done(byOrder(false), 'order', false);
}

/** The import list's notes for a reading: a reversed or unsure direction, N/A columns. */
export function scaleNotes(reading: ScaleReading, labelOf: (i: number) => string): ImportNote[] {
  const notes: ImportNote[] = [];
  const rated = reading.points.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== 'na');
  const low = rated.find((x) => x.p === reading.min),
    high = rated.find((x) => x.p === reading.max);
  const ends = { low: labelOf(low?.i ?? 0), min: reading.min, high: labelOf(high?.i ?? 0), max: reading.max };
  if (reading.reversed && reading.from === 'words') notes.push(note('scaleTurned', ends));
  if (reading.from === 'order' && rated.length > 1) notes.push(note('scaleUnsure', ends));
  const na = reading.points.flatMap((p, i) => (p === 'na' ? [`“${labelOf(i)}”`] : []));
  if (na.length) notes.push(note('scaleNotApplicable', { labels: na.join(', ') }));
  return notes;
}
