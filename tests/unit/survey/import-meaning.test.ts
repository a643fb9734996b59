import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConditionRunner } from 'survey-core';
import { evaluate } from '../../../shared/survey/logic';
import type { Question, SurveyDefinition } from '../../../shared/survey/schema';
import { exportSurveyJs, importSurvey } from '../../../shared/survey/import';
import { readScale } from '../../../shared/survey/import/scale-direction';

// Hand-written in the tools' own formats (tests/fixtures/import/), not produced by our exporter.
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/import', name), 'utf8');
const question = (def: SurveyDefinition, id: string) =>
  def.pages.flatMap((p) => p.questions).find((q) => q.id === id) as Question;
const facts = (answers: Record<string, unknown>, hidden: Record<string, string> = {}) => ({ answers, hidden });

describe('a French-base LimeSurvey 6 file (fr, et, de, ar)', () => {
  const r = importSurvey(fixture('limesurvey-store-fr-v6.lss'));
  const def = r.definition;

  it('imports with its French texts and keeps Estonian, German and Arabic', () => {
    expect(def.defaultLanguage).toBe('fr');
    expect(def.languages).toEqual(['fr', 'et', 'de', 'ar']);
    expect(def.title).toEqual({
      fr: 'Votre avis sur notre magasin',
      et: 'Teie arvamus meie poe kohta',
      de: 'Ihre Meinung zu unserem Geschäft',
      ar: 'رأيك في متجرنا',
    });
    expect(question(def, 'SATIS').text.fr).toBe('Dans l’ensemble, êtes-vous satisfait de votre visite ?');
    expect(question(def, 'SATIS').text.et).toBe('Kas olete oma külastusega üldiselt rahul?');
  });

  it('labels Yes/No and Gender in each survey language, not English only', () => {
    expect(question(def, 'CLIENT')).toMatchObject({
      type: 'yesno',
      yesLabel: { fr: 'Oui', et: 'Jah', de: 'Ja', ar: 'نعم' },
      noLabel: { fr: 'Non', et: 'Ei', de: 'Nein', ar: 'لا' },
    });
    expect(question(def, 'GENRE')).toMatchObject({
      options: [
        { id: 'F', label: { fr: 'Femme', de: 'Weiblich' } },
        { id: 'M', label: { fr: 'Homme', de: 'Männlich' } },
      ],
    });
  });

  it('turns a best-first array round (Excellent = top point) and maps "Sans objet" to not applicable', () => {
    expect(question(def, 'QUALITE')).toMatchObject({
      type: 'matrix',
      notApplicable: true,
      scale: {
        min: 1,
        max: 4,
        minLabel: { fr: 'Mauvais', et: 'Halb' },
        maxLabel: { fr: 'Excellent', de: 'Ausgezeichnet' },
      },
    });
    // The condition-designer name 282267X6X20SQ002 == "A4" (Mauvais) is the bottom point of row SQ002.
    expect(question(def, 'DETAIL').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'QUALITE.SQ002', op: 'equals', value: 1 }],
    });
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'QUALITE',
        message: 'its columns ran from best to worst, so they were turned round: “Mauvais” = 1 … “Excellent” = 4',
      }),
    );
  });

  it('reads answered / not answered, numeric comparisons on choice codes and condition-designer names', () => {
    expect(question(def, 'COMMENT').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'SATIS', op: 'answered' }],
    });
    expect(question(def, 'SILENCE').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'COMMENT', op: 'notAnswered' }],
    });
    expect(question(def, 'POURQUOI').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'SATIS', op: 'in', values: ['a4', 'a5'] }],
    });
    expect(question(def, 'RAPPEL').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'CLIENT', op: 'equals', value: 'yes' }],
    });
  });

  it('evaluates `SATIS.NAOK != ""` and `SATIS >= 4` as LimeSurvey does, on every answer', () => {
    // ExpressionScript: an unanswered question is "", so != "" holds once answered; codes "1"…"5"
    // are numeric strings, compared as numbers (4 and 5 meet >= 4, "" does not).
    const codes = [undefined, '1', '2', '3', '4', '5'];
    const limeSurvey = {
      answered: (code?: string) => code !== undefined,
      atLeast4: (code?: string) => code !== undefined && Number(code) >= 4,
    };
    for (const code of codes) {
      const ours = code === undefined ? {} : { SATIS: `a${code}` };
      expect(evaluate(question(def, 'COMMENT').visibleIf, facts(ours)), `!= "" on ${code}`).toBe(
        limeSurvey.answered(code),
      );
      expect(evaluate(question(def, 'POURQUOI').visibleIf, facts(ours)), `>= 4 on ${code}`).toBe(
        limeSurvey.atLeast4(code),
      );
    }
  });

  it('takes scripts, style sheets and raw expressions out of texts, and lists them', () => {
    expect(question(def, 'QUALITE').text.fr).toBe('Comment évaluez-vous notre accueil ? Monsieur/Madame, merci.');
    expect(question(def, 'DETAIL').text.fr).toBe('Qu’est-ce qui n’allait pas pour la propreté ?');
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'QUALITE',
        message: 'its text held a script or style sheet, which was taken out',
      }),
    );
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'QUALITE',
        message: expect.stringContaining("{if(GENRE == 'M', 'Monsieur', 'Madame')}"),
      }),
    );
  });

  it('makes a hidden text question a hidden field, and keeps the condition on it', () => {
    expect(def.hiddenFields).toEqual(['SEGMENT']);
    expect(question(def, 'VIP').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'SEGMENT', op: 'equals', value: 'vip' }],
    });
    expect(evaluate(question(def, 'VIP').visibleIf, facts({}, { SEGMENT: 'vip' }))).toBe(true);
  });

  it('drops the empty groups, and says when a condition could not be kept that the question now always shows', () => {
    expect(def.pages.map((p) => p.id)).toEqual(['g5', 'g6']);
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'g7',
        message: 'the page held no question we could import, so it was left out',
      }),
    );
    expect(question(def, 'PLUS').visibleIf).toBeUndefined();
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'PLUS',
        code: 'conditionDropped',
        reason: expect.objectContaining({ code: 'exprFunction' }),
        message: expect.stringMatching(/sum\(\).*the question will now always show$/),
      }),
    );
  });
});

describe('a SurveyJS study in English, Hebrew and French', () => {
  const r = importSurvey(fixture('surveyjs-study-he.json'));
  const def = r.definition;

  it('keeps every language and imports `visible: false` + `visibleIf` as a condition, not as hidden', () => {
    expect(def.languages).toEqual(['en', 'he', 'fr']);
    expect(question(def, 'praise')).toMatchObject({
      text: { en: 'What did you like most?', he: 'מה אהבת במיוחד?' },
      visibleIf: { conditions: [{ source: 'satisfaction_score', op: 'in', values: ['o4', 'o5'] }] },
    });
    // Shown once its condition holds, as survey-core shows it.
    expect(evaluate(question(def, 'praise').visibleIf, facts({ satisfaction_score: 'o5' }))).toBe(true);
    expect(evaluate(question(def, 'praise').visibleIf, facts({ satisfaction_score: 'o3' }))).toBe(false);
    // A question never shown, without a condition, is what the page is given: a hidden field.
    expect(def.hiddenFields).toEqual(['segment']);
    expect(question(def, 'vip_note').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'segment', op: 'equals', value: 'vip' }],
    });
  });

  it("evaluates `!= ''`, `>= 4`, `=>` and `=<` exactly as survey-core does, on every answer", () => {
    const expressions: [string, string][] = [
      ['praise', '{satisfaction-score} >= 4'],
      ['email', '{satisfaction-score} => 4'],
      ['why_low', '{satisfaction-score} =< 2'],
      ['thanks_mail', "{email} != ''"],
    ];
    const grid: Record<string, unknown>[] = [
      {},
      ...[1, 2, 3, 4, 5].map((n) => ({ 'satisfaction-score': n })),
      { email: 'a@b.c' },
      { email: '' },
    ];
    for (const [id, expression] of expressions) {
      for (const data of grid) {
        const theirs = new ConditionRunner(expression).runValues(data);
        const score = data['satisfaction-score'];
        const ours = {
          ...(score ? { satisfaction_score: `o${score}` } : {}),
          ...(data.email ? { email: data.email } : {}),
        };
        expect(evaluate(question(def, id).visibleIf, facts(ours)), `${expression} on ${JSON.stringify(data)}`).toBe(
          theirs,
        );
      }
    }
  });

  it('reads the best-first matrix the right way round, its N/A column as not applicable', () => {
    expect(question(def, 'service')).toMatchObject({
      scale: { min: 1, max: 4, minLabel: { en: 'Poor', he: 'גרוע' }, maxLabel: { en: 'Excellent', he: 'מצוין' } },
      notApplicable: true,
    });
    expect(question(def, 'staff_detail').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'service.staff', op: 'equals', value: 1 }],
    });
  });

  it('strips code, drops empty pages and says what will now always show', () => {
    expect(def.intro).toEqual({ en: 'Thank you for taking part.' });
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'survey',
        message: 'its description or closing text held a script or style sheet, which was taken out',
      }),
    );
    // The page of HTML alone is kept as an instructions block; the page with nothing is dropped.
    expect(def.pages.map((p) => p.id)).toEqual(['intro', 'rating', 'service_page']);
    expect(def.pages[0].questions.map((q) => q.type)).toEqual(['info']);
    expect(r.unmapped).toContainEqual(
      expect.objectContaining({
        source: 'calc_note',
        message: expect.stringMatching(/the question will now always show$/),
      }),
    );
  });

  it('exports notEquals so SurveyJS hides the question while unanswered, as we do, and keeps roles and hidden fields on a round trip', () => {
    const withRole = {
      ...def,
      pages: def.pages.map((p) => ({
        ...p,
        questions: p.questions.map((q) =>
          q.id === 'satisfaction_score' ? { ...q, role: 'overall-satisfaction' as const } : q,
        ),
      })),
    };
    const servicePage = withRole.pages.findIndex((p) => p.id === 'service_page');
    withRole.pages[servicePage].questions[1] = {
      ...withRole.pages[servicePage].questions[1],
      visibleIf: { match: 'all', conditions: [{ source: 'service.staff', op: 'notEquals', value: 1 }] },
    };
    const { json } = exportSurveyJs(withRole);
    const staff = (json.pages as { elements: { name: string; visibleIf?: string }[] }[])[servicePage].elements.find(
      (e) => e.name === 'staff_detail',
    )!;
    expect(staff.visibleIf).toBe('({service.staff} notempty and {service.staff} <> 1)');
    for (const data of [{}, { service: { staff: 1 } }, { service: { staff: 3 } }]) {
      const ours = { service: (data as { service?: object }).service };
      expect(new ConditionRunner(staff.visibleIf!).runValues(data)).toBe(
        evaluate(withRole.pages[servicePage].questions[1].visibleIf, facts(ours.service ? ours : {})),
      );
    }
    const back = importSurvey(JSON.stringify(json)).definition;
    expect(back.hiddenFields).toEqual(['segment']);
    expect(question(back, 'satisfaction_score').role).toBe('overall-satisfaction');
    expect(question(back, 'staff_detail').visibleIf).toEqual({
      match: 'all',
      conditions: [{ source: 'service.staff', op: 'notEquals', value: 1 }],
    });
  });
});

describe('a SurveyJS rating listed best first', () => {
  it('keeps each value: 5 stays the top point', () => {
    const def = importSurvey(
      JSON.stringify({
        elements: [{ type: 'rating', name: 'r', rateValues: [5, 4, 3, 2, 1], minRateDescription: 'Best' }],
      }),
    ).definition;
    expect(question(def, 'r')).toMatchObject({ type: 'rating', scale: { min: 1, max: 5, maxLabel: { en: 'Best' } } });
  });
});

describe('scale direction', () => {
  const cols = (labels: string[], values = labels.map((_, i) => `A${i + 1}`)) =>
    labels.map((l, i) => ({ texts: [l], value: values[i] }));
  it('reads known scale words in the interface languages and others', () => {
    expect(readScale(cols(['Excellent', 'Good', 'Fair', 'Poor'])).points).toEqual([4, 3, 2, 1]);
    expect(readScale(cols(['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'])).points).toEqual([1, 2, 3, 4]);
    expect(readScale(cols(['非常满意', '满意', '一般', '不满意', '非常不满意'])).points).toEqual([5, 4, 3, 2, 1]);
    expect(readScale(cols(['Rất hài lòng', 'Hài lòng', 'Không hài lòng'])).points).toEqual([3, 2, 1]);
    expect(readScale(cols(['Ottimo', 'Buono', 'Sufficiente', 'Scarso', 'Non so'])).points).toEqual([4, 3, 2, 1, 'na']);
    expect(readScale(cols(['Väga hea', 'Hea', 'Halb'])).points).toEqual([3, 2, 1]);
  });
  it('follows numeric values, unless the words say they run the other way', () => {
    expect(readScale(cols(['5', '4', '3', '2', '1'], ['5', '4', '3', '2', '1']))).toMatchObject({
      points: [5, 4, 3, 2, 1],
      from: 'values',
    });
    // Codes 1…4 with 1 = Excellent: the words win, so Excellent is the top point.
    expect(readScale(cols(['Excellent', 'Good', 'Fair', 'Poor'], ['1', '2', '3', '4']))).toMatchObject({
      points: [4, 3, 2, 1],
      from: 'words',
    });
  });
  it('keeps the file order and flags it when nothing tells the direction', () => {
    expect(readScale(cols(['Red', 'Green', 'Blue']))).toMatchObject({ points: [1, 2, 3], from: 'order' });
  });
});
