import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AlertRuleSchema, type AlertRuleInput } from '../../../shared/api/alerts';
import { compileRule, ownerFor, wordMatcher } from '../../../shared/alerts/conditions';

const rule = (input: Partial<AlertRuleInput>) =>
  compileRule({
    spec: v.parse(AlertRuleSchema, { name: 'r', when: { conditions: [{ source: 'sat', op: 'answered' }] }, ...input }),
  });
const facts = (answers: Record<string, unknown>, hidden: Record<string, string> = {}) => ({ answers, hidden });

describe('alert conditions', () => {
  it('read scales with the survey logic operators (satisfaction ≤ 2, NPS ≤ 6)', () => {
    const r = rule({
      when: {
        match: 'any',
        conditions: [
          { source: 'sat', op: 'between', max: 2 },
          { source: 'nps', op: 'between', max: 6 },
        ],
      },
    });
    expect(r.test(facts({ sat: 2, nps: 9 }))).toBe(true);
    expect(r.test(facts({ sat: 4, nps: 6 }))).toBe(true);
    expect(r.test(facts({ sat: 3, nps: 7 }))).toBe(false);
    // Unanswered is not "low": a skipped NPS opens nothing.
    expect(r.test(facts({ sat: 5 }))).toBe(false);
  });

  it('need every condition under match "all"', () => {
    const r = rule({
      when: {
        match: 'all',
        conditions: [
          { source: 'sat', op: 'between', max: 2 },
          { source: 'visit', op: 'equals', value: 'buy' },
        ],
      },
    });
    expect(r.test(facts({ sat: 1, visit: 'buy' }))).toBe(true);
    expect(r.test(facts({ sat: 1, visit: 'look' }))).toBe(false);
  });

  it('find a whole word in a comment, whatever its case, and not inside another word', () => {
    const r = rule({ when: { conditions: [{ source: 'why', op: 'contains', words: ['rude', 'dirty room'] }] } });
    expect(r.test(facts({ why: 'Staff were RUDE!' }))).toBe(true);
    expect(r.test(facts({ why: 'A dirty room, again' }))).toBe(true);
    expect(r.test(facts({ why: 'No rudeness at all' }))).toBe(false);
    expect(r.test(facts({ why: 42 }))).toBe(false);
    // The "other" text of a choice counts as a comment too.
    expect(r.test(facts({ why: { other: 'rude receptionist' } }))).toBe(true);
  });

  it('match words of scripts written without spaces anywhere in the text', () => {
    expect(wordMatcher(['服务差']).test('这次服务差，很失望')).toBe(true);
    expect(wordMatcher(['thái độ']).test('Nhân viên có Thái độ kém')).toBe(true);
    // Special characters in a word are literal, not a pattern.
    expect(wordMatcher(['c++']).test('I love c++ a lot')).toBe(true);
  });

  it('match a code by its words, as given at compile time; a code without words matches nothing', () => {
    const spec = v.parse(AlertRuleSchema, {
      name: 'attitude',
      when: { conditions: [{ source: 'why', op: 'matchesCode', code: 'c1' }] },
    });
    const words = new Map([
      ['c1', ['态度差', 'thái độ kém']],
      ['empty', []],
    ]);
    const r = compileRule({ spec }, words);
    expect(r.test(facts({ why: '前台态度差，很失望' }))).toBe(true);
    expect(r.test(facts({ why: 'Lễ tân Thái độ kém' }))).toBe(true);
    // Vietnamese is written with spaces: a syllable inside a longer word is no match.
    expect(r.test(facts({ why: 'thái độ kémxx' }))).toBe(false);
    expect(r.test(facts({ why: '房间很干净' }))).toBe(false);
    expect(compileRule({ spec }).test(facts({ why: '态度差' }))).toBe(false);
    const none = v.parse(AlertRuleSchema, {
      name: 'none',
      when: { conditions: [{ source: 'why', op: 'matchesCode', code: 'empty' }] },
    });
    expect(compileRule({ spec: none }, words).test(facts({ why: '' }))).toBe(false);
  });

  it('limit to segments on hidden fields, compared as the survey logic compares them', () => {
    const r = rule({
      when: { conditions: [{ source: 'sat', op: 'between', max: 2 }] },
      segment: [{ source: 'tier', op: 'in', values: ['Platinum', 'Gold'] }],
    });
    expect(r.test(facts({ sat: 1 }, { tier: 'Gold' }))).toBe(true);
    expect(r.test(facts({ sat: 1 }, { tier: 'Iron' }))).toBe(false);
    expect(r.test(facts({ sat: 1 }))).toBe(false);
  });
});

describe('owner routing', () => {
  const route = {
    kind: 'route' as const,
    field: 'region',
    routes: [
      { value: 'North', userId: 'u-north' },
      { value: 'South', userId: 'u-south' },
    ],
    fallbackUserId: 'u-hq',
  };
  it('picks the user of the hidden field value, ignoring case and spaces', () => {
    expect(ownerFor(route, { region: ' north ' })).toBe('u-north');
    expect(ownerFor(route, { region: 'South' })).toBe('u-south');
  });
  it('falls back for other or missing values, or to nobody without a fallback', () => {
    expect(ownerFor(route, { region: 'West' })).toBe('u-hq');
    expect(ownerFor(route, {})).toBe('u-hq');
    expect(ownerFor({ ...route, fallbackUserId: null }, { region: 'West' })).toBeNull();
  });
  it('names the user or nobody for the other kinds', () => {
    expect(ownerFor({ kind: 'user', userId: 'u1' }, {})).toBe('u1');
    expect(ownerFor({ kind: 'none' }, {})).toBeNull();
  });
});

describe('the rule schema', () => {
  it('refuses routing one value twice, naming the field', () => {
    const r = v.safeParse(AlertRuleSchema, {
      name: 'x',
      when: { conditions: [{ source: 'sat', op: 'answered' }] },
      owner: {
        kind: 'route',
        field: 'region',
        routes: [
          { value: 'N', userId: 'a' },
          { value: 'n', userId: 'b' },
        ],
      },
    });
    expect(r.success).toBe(false);
    expect(r.issues?.[0].message).toBe('each value may be routed only once');
  });
});
