/**
 * Large questionnaire files for the import's speed figures (bench/run.ts) and its linearity test
 * (tests/unit/survey/import-scale.test.ts), in the shapes the tools write.
 */

/**
 * A SurveyJS survey of `n` choices all of the value 1 (the option ids must all differ), `perQuestion`
 * to a question, the questions all named "q", on pages of 50 questions.
 */
export function duplicateChoices(n: number, perQuestion = n): string {
  const questions = Array.from({ length: Math.ceil(n / perQuestion) }, (_, i) => ({
    type: 'radiogroup',
    name: 'q',
    choices: Array.from({ length: Math.min(perQuestion, n - i * perQuestion) }, () => 1),
  }));
  const pages = Array.from({ length: Math.ceil(questions.length / 50) }, (_, i) => ({
    name: 'p',
    elements: questions.slice(i * 50, i * 50 + 50),
  }));
  return JSON.stringify({ pages });
}

/** A SurveyJS survey of `n` questions all named "q". */
export function sameNamedQuestions(n: number): string {
  return JSON.stringify({
    pages: [{ name: 'p1', elements: Array.from({ length: n }, () => ({ type: 'text', name: 'q' })) }],
  });
}

const cdata = (s: string | number) => `<![CDATA[${s}]]>`;
const table = (name: string, rows: Record<string, string | number>[]) =>
  rows.length === 0
    ? ''
    : ` <${name}>\n  <fields>${Object.keys(rows[0])
        .map((f) => `<fieldname>${f}</fieldname>`)
        .join('')}</fields>\n  <rows>\n${rows
        .map(
          (r) =>
            `   <row>${Object.entries(r)
              .map(([k, x]) => `<${k}>${cdata(x)}</${k}>`)
              .join('')}</row>`,
        )
        .join('\n')}\n  </rows>\n </${name}>\n`;

/**
 * A LimeSurvey 6 .lss of about `bytes` bytes, base language French with Estonian and German:
 * groups of lists, arrays and texts whose relevance refers to earlier answers.
 */
export function largeLss(bytes: number): string {
  const perQuestion = lssOf(300).length / 300;
  return lssOf(Math.max(1, Math.round(bytes / perQuestion)));
}

function lssOf(count: number): string {
  const langs = ['fr', 'et', 'de'];
  const groups: Record<string, string | number>[] = [];
  const groupTexts: Record<string, string | number>[] = [];
  const questions: Record<string, string | number>[] = [];
  const subquestions: Record<string, string | number>[] = [];
  const questionTexts: Record<string, string | number>[] = [];
  const answers: Record<string, string | number>[] = [];
  const answerTexts: Record<string, string | number>[] = [];
  let qid = 1,
    aid = 1,
    made = 0;
  const scale = ['Excellent', 'Bon', 'Moyen', 'Mauvais'];
  for (let g = 1; made < count && g <= 100; g++) {
    groups.push({ gid: g, sid: 1, group_order: g, grelevance: g > 1 ? `L${g - 1}_1 != ""` : '1' });
    for (const l of langs) groupTexts.push({ gid: g, group_name: `Groupe ${g} (${l})`, language: l });
    for (let k = 1; k <= 60 && made < count; k++, made++) {
      const id = qid++;
      const type = k % 3 === 1 ? 'L' : k % 3 === 2 ? 'F' : 'T';
      const code = `L${g}_${k}`;
      questions.push({
        qid: id,
        parent_qid: 0,
        sid: 1,
        gid: g,
        type,
        title: code,
        mandatory: 'N',
        question_order: k,
        relevance: k > 1 ? `L${g}_1 >= 2` : '1',
      });
      for (const l of langs)
        questionTexts.push({
          qid: id,
          question: `<p>Question ${code} en ${l} : que pensez-vous de ce service ?</p>`,
          help: '',
          language: l,
        });
      if (type !== 'T') {
        for (let a = 1; a <= 4; a++) {
          const answerId = aid++;
          answers.push({ aid: answerId, qid: id, code: type === 'L' ? a : `A${a}`, sortorder: a, scale_id: 0 });
          for (const l of langs)
            answerTexts.push({ aid: answerId, answer: type === 'F' ? scale[a - 1] : `Choix ${a}`, language: l });
        }
      }
      if (type === 'F') {
        for (let s = 1; s <= 3; s++) {
          const sub = qid++;
          subquestions.push({
            qid: sub,
            parent_qid: id,
            sid: 1,
            gid: g,
            type: 'T',
            title: `SQ00${s}`,
            question_order: s,
            scale_id: 0,
          });
          for (const l of langs)
            questionTexts.push({ qid: sub, question: `Aspect ${s} (${l})`, help: '', language: l });
        }
      }
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<document>
 <LimeSurveyDocType>Survey</LimeSurveyDocType>
 <DBVersion>624</DBVersion>
 <languages>${langs.map((l) => `<language>${l}</language>`).join('')}</languages>
${table('answers', answers)}${table('answer_l10ns', answerTexts)}${table('groups', groups)}${table('group_l10ns', groupTexts)}${table('questions', questions)}${table('subquestions', subquestions)}${table('question_l10ns', questionTexts)}${table('surveys', [{ sid: 1, language: 'fr', additional_languages: 'et de' }])}${table(
  'surveys_languagesettings',
  langs.map((l) => ({ surveyls_survey_id: 1, surveyls_language: l, surveyls_title: `Enquête (${l})` })),
)}</document>
`;
}
