import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECT } from '../../server/db/dialect';
import { responses } from '../../server/db/tables';
import * as data from '../../server/coding/store';
import { makeTestApp, signedInAgents, smallSurvey } from '../support/api';

let t: ReturnType<typeof makeTestApp>;
let frameId: string;
let coder: string;
let ids: number[];
let surveyId: string;
const NOW = Date.UTC(2026, 10, 23);
const code = (id: string, position: number, isNet = false, netId: string | null = null) => ({
  id,
  frameId,
  label: { en: id },
  isNet,
  netId,
  position,
  createdAt: NOW,
});

/** A published survey with three completed responses (written as rows: the codeframe needs only their ids). */
beforeEach(async () => {
  t = makeTestApp();
  const { researcher } = await signedInAgents(t.app);
  const survey = (await researcher.post('/api/surveys', { definition: smallSurvey() })).body;
  const versionId = (await researcher.post(`/api/surveys/${survey.id}/publish`)).body.versions[0].id;
  coder = String(await t.value(`select id from users where role = 'researcher'`));
  const rows = await t.store.db
    .insert(responses)
    .values(
      ['r1', 'r2', 'r3'].map((clientId) => ({
        surveyId: survey.id,
        versionId,
        clientId,
        status: 'complete' as const,
        answers: '{}',
        lang: 'en',
        startedAt: NOW,
        updatedAt: NOW,
        completedAt: NOW,
      })),
    )
    .returning({ id: responses.id });
  ids = rows.map((r) => r.id);
  surveyId = survey.id;
  frameId = (
    await t.store.transaction((tx) =>
      data.insertFrame(tx, { id: 'frame-1', surveyId: survey.id, questionId: 'why', createdAt: NOW }),
    )
  ).id;
});
afterEach(() => t.cleanup());

describe(`the coding tables on ${DIALECT}`, () => {
  it('merges codes keeping one assignment per answer, and undoes and splits changes', async () => {
    await t.store.transaction(function* (tx) {
      for (const [k, id] of ['a', 'b', 'c'].entries()) yield* data.insertCode(tx, code(id, k));
    });
    const change = (add: data.Pair[], remove: data.Pair[] = []) =>
      t.store.transaction((tx) => data.applyChange(tx, frameId, coder, add, remove, NOW));
    expect(
      await change([
        ['a', ids[0]],
        ['b', ids[0]],
        ['b', ids[1]],
        ['a', ids[0]],
      ]),
    ).toEqual({ added: 3, removed: 0 });
    expect(await change([], [['b', ids[1]]])).toEqual({ added: 0, removed: 1 });

    // Undone: the removal is put back, with the time of the change that removed it.
    expect(await t.store.transaction((tx) => data.undoLast(tx, frameId, coder))).toEqual([ids[1]]);
    const use = await t.store.run((db) => data.codeUse(db, frameId, coder));
    expect(use.get('b')).toEqual({ mine: 2, all: 2 });

    await t.store.transaction((tx) => data.mergeCodes(tx, frameId, ['b'], code('a', 0)));
    const given = await t.store.run((db) => data.coderAssignments(db, frameId, coder));
    expect([...given].map(([id, set]) => [id, [...set]])).toEqual([
      [ids[0], ['a']],
      [ids[1], ['a']],
    ]);
    expect((await t.store.run((db) => data.listCodes(db, frameId))).map((c) => c.id)).toEqual(['a', 'c']);

    const moved = await t.store.transaction((tx) => data.splitCode(tx, frameId, 'a', code('d', 3), [ids[1], ids[2]]));
    expect(moved).toBe(1);
    expect(await t.store.run((db) => data.coderPairsAfter(db, frameId, coder, null))).toEqual([
      { responseId: ids[0], codeId: 'a' },
      { responseId: ids[1], codeId: 'd' },
    ]);
    expect(
      await t.store.run((db) => data.coderPairsAfter(db, frameId, coder, { responseId: ids[0], codeId: 'a' })),
    ).toEqual([{ responseId: ids[1], codeId: 'd' }]);
    expect(await t.store.run((db) => data.frameCoders(db, frameId))).toEqual([
      { id: coder, name: 'researcher', coded: 2 },
    ]);
    expect(await t.store.run((db) => data.responseLanguages(db, surveyId))).toEqual(
      new Map(ids.map((id) => [id, 'en'])),
    );
  });

  it('gives a net its codes back to no net when it is deleted, with its assignments', async () => {
    await t.store.transaction(function* (tx) {
      yield* data.insertCode(tx, code('net', 0, true));
      yield* data.insertCode(tx, code('x', 1, false, 'net'));
    });
    await t.store.transaction((tx) => data.applyChange(tx, frameId, coder, [['x', ids[2]]], [], NOW));
    await t.store.transaction((tx) => data.deleteCode(tx, frameId, 'net'));
    const [x] = await t.store.run((db) => data.listCodes(db, frameId));
    expect(x).toMatchObject({ id: 'x', netId: null });
    await t.store.transaction((tx) => data.deleteCode(tx, frameId, 'x'));
    expect(await t.store.run((db) => data.codedResponses(db, frameId, coder))).toEqual(new Set());
    expect(await t.store.run((db) => data.countCodes(db, frameId))).toBe(0);
  });
});
