import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { allQuestions, issuePath, SurveyDefinitionSchema } from '../../../shared/survey/schema';
import { TEMPLATES } from '../../../shared/survey/templates';

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s parses with the definition schema and sets a role on every question',
    (_, t) => {
      const r = v.safeParse(SurveyDefinitionSchema, t.definition);
      expect(r.success ? [] : r.issues.map((i) => `${issuePath(i)}: ${i.message}`)).toEqual([]);
      if (r.success)
        expect(
          allQuestions(r.output)
            .filter((q) => !q.role)
            .map((q) => q.id),
        ).toEqual([]);
    },
  );

  it('SERVQUAL has the 22 items of Parasuraman et al. (1991) in 5 dimensions: 4, 5, 4, 4, 5', () => {
    const def = v.parse(SurveyDefinitionSchema, TEMPLATES.find((t) => t.id === 'servqual')!.definition);
    const items = allQuestions(def).flatMap((q) => (q.type === 'servqual' ? q.items : []));
    expect(items).toHaveLength(22);
    const per = (d: string) => items.filter((i) => i.dimension === d).length;
    expect(['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'].map(per)).toEqual([4, 5, 4, 4, 5]);
  });

  it('names each template in every interface language', () => {
    for (const t of TEMPLATES)
      expect(Object.keys(t.name).sort(), t.id).toEqual(['en', 'it', 'vi', 'zh-Hans', 'zh-Hant']);
  });
});
