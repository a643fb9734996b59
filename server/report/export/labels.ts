import { allQuestions, type SurveyDefinition } from '../../../shared/survey/schema';
import { pickText } from '../../../shared/survey/text';

/** The label of a question (`q`) or item (`q.item`: a matrix, SERVQUAL or importance item, a field, a several-scales matrix item) key in `lang`. */
export function keyLabels(def: SurveyDefinition, lang: string) {
  const questions = new Map(allQuestions(def).map((q) => [q.id, q]));
  return (key: string) => {
    const [qid, item] = key.split('.');
    const q = questions.get(qid);
    if (!q) return key;
    const items =
      q.type === 'matrix' ||
      q.type === 'servqual' ||
      q.type === 'importance' ||
      q.type === 'fields' ||
      q.type === 'matrixScales'
        ? q.items
        : [];
    const found = item ? items.find((i) => i.id === item) : undefined;
    return pickText(found ? found.label : q.text, lang, def.defaultLanguage);
  };
}
