import { describe, expect, it } from 'vitest';
import { suggestThemes, suggestThemesInTurns, type ThemeAnswer } from '../../../shared/coding/themes';
import { CHINESE, VIETNAMESE } from './fixtures/answers';

const answers: ThemeAnswer[] = [
  ...CHINESE.map((text) => ({ text, lang: 'zh-CN' })),
  ...VIETNAMESE.map((text) => ({ text, lang: 'vi' })),
];

const readable = (themes: ReturnType<typeof suggestThemes>, input: readonly ThemeAnswer[]) =>
  themes.map((l) => ({
    language: l.language,
    themes: l.themes.map((t) => ({ id: t.id, terms: t.terms, texts: t.members.map((i) => input[i].text) })),
  }));

describe('suggested themes', () => {
  const themes = suggestThemes(answers, { minAnswers: 2 });

  it('are found per language, the most answered first', () => {
    expect(themes.map((l) => [l.language, l.answers])).toEqual([
      ['vi', 14],
      ['zh-Hans', 14],
    ]);
  });

  it('group the words that occur together: staff with serving and eager in Vietnamese', () => {
    const vi = themes[0].themes;
    const staff = vi.find((t) => t.label === 'nhân viên')!;
    expect(staff.terms).toEqual([
      { term: 'nhân viên', answers: 5 },
      { term: 'phục vụ', answers: 3 },
      { term: 'nhiệt tình', answers: 2 },
    ]);
    // Answers holding any of the three: the five with "nhân viên" and "Phục vụ chậm…".
    expect(staff.members.map((i) => answers[i].text)).toEqual([
      VIETNAMESE[0],
      VIETNAMESE[1],
      VIETNAMESE[2],
      VIETNAMESE[3],
      VIETNAMESE[5],
      VIETNAMESE[7],
    ]);
    expect(vi.find((t) => t.label === 'bữa sáng')!.terms.map((t) => t.term)).toEqual(['bữa sáng', 'ngon']);
  });

  it('group the waiter with attitude and warmth in Chinese, the room with clean', () => {
    const zh = themes[1].themes;
    expect(zh.find((t) => t.label === '服务员')!.terms.map((t) => t.term)).toEqual(['服务员', '入住', '态度', '热情']);
    expect(zh.find((t) => t.label === '房间')!.terms.map((t) => t.term)).toContain('干净');
  });

  it('hold no stop word', () => {
    const terms = themes.flatMap((l) => l.themes.flatMap((t) => t.terms.map((x) => x.term)));
    for (const stop of ['很', '了', '的', 'rất', 'nhưng', 'không']) expect(terms).not.toContain(stop);
  });

  it('are the same for the same answers, whatever their order', () => {
    expect(suggestThemes(answers, { minAnswers: 2 })).toEqual(themes);
    const reversed = [...answers].reverse();
    expect(readable(suggestThemes(reversed, { minAnswers: 2 }), reversed)).toEqual(
      readable(themes, answers).map((l) => ({
        ...l,
        themes: l.themes.map((t) => ({ ...t, texts: [...t.texts].reverse() })),
      })),
    );
  });

  it('are the same when found in turns, pausing between steps', async () => {
    let pauses = 0;
    // Turns of no time at all: a pause at every step.
    const inTurns = await suggestThemesInTurns(
      answers,
      { minAnswers: 2 },
      async () => {
        pauses++;
      },
      0,
    );
    expect(inTurns).toEqual(themes);
    expect(pauses).toBeGreaterThan(4);
  });

  it('need a word in at least the minimum number of answers', () => {
    expect(suggestThemes(answers, { minAnswers: 6 }).map((l) => l.themes.map((t) => t.label))).toEqual([
      ['phòng'],
      ['房间', '服务员'],
    ]);
    expect(suggestThemes([], {})).toEqual([]);
  });
});
