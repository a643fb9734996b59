import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/api';
import { jsonField, loadHotelDemo } from '../support/hotel-demo';
import { buildReport } from '../../server/report/service';
import { normalCdf, tCdf } from '../../shared/stats';
import { exportTables } from '../../server/report/export/service';
import { TablesQuerySchema } from '../../shared/api/report-crosstab';
import { ReportQuerySchema } from '../../shared/api/report-query';
import * as v from 'valibot';
import Papa from 'papaparse';

/**
 * The trend's change from one wave to the next on the 400 demo guests, split into two waves here
 * (every guest whose id is a multiple of 3 in wave 2, and among the others those who rated 5):
 * every figure is recomputed below from the stored answers by the formulas written out here.
 */
let t: ReturnType<typeof makeTestApp>;
afterEach(() => t.cleanup());

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
const osat = jsonField('answers', 'osat');

describe('the change from the wave before', () => {
  it('tests the mean by Welch, the top-two box and NPS by z, and marks what the tests find on bases of 30+', async () => {
    t = makeTestApp();
    const survey = await loadHotelDemo(t, Date.UTC(2026, 10, 30));
    await t.rows(
      `update responses set wave = 2 where survey_id = ? and status = 'complete'
          and (id % 3 = 0 or cast(${osat} as integer) = 5) returning id`,
      survey.id,
    );
    const rows = (
      await t.rows(
        `select wave, cast(${osat} as integer) as osat, cast(${jsonField('answers', 'nps')} as integer) as nps
            from responses where survey_id = ? and status = 'complete' and is_test = false`,
        survey.id,
      )
    ).map((r) => ({ wave: Number(r.wave), osat: Number(r.osat), nps: Number(r.nps) }));
    const [w1, w2] = [1, 2].map((w) => rows.filter((r) => r.wave === w));
    expect(Math.min(w1.length, w2.length)).toBeGreaterThanOrEqual(30);

    const { trend } = (await buildReport(t.store, survey.id)).sections;
    const change = trend!.waves[1].change!;
    expect(trend!.waves.map((w) => w.n)).toEqual([w1.length, w2.length]);
    expect(change.smallBase).toBe(false);

    // Welch: t = (m₂ − m₁) / √(s₂²/n₂ + s₁²/n₁), ν by Welch–Satterthwaite.
    const [a, b] = [w2.map((r) => r.osat), w1.map((r) => r.osat)];
    const [va, vb] = [variance(a) / a.length, variance(b) / b.length];
    const tStat = (mean(a) - mean(b)) / Math.sqrt(va + vb);
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    expect(change.satisfaction!.difference).toBeCloseTo(mean(a) - mean(b), 10);
    expect(change.satisfaction!.p).toBeCloseTo(2 * tCdf(-Math.abs(tStat), df), 10);
    expect(change.satisfaction!.significant).toBe(change.satisfaction!.p < 0.05);
    // Wave 2 holds the guests who rated 5: its mean is well above wave 1's, and the test says so.
    expect(change.satisfaction).toMatchObject({ significant: true });

    // Top-two box (4 and 5) by the pooled two-proportion z test.
    const top = (xs: number[]) => xs.filter((x) => x >= 4).length;
    const pooled = (top(a) + top(b)) / (a.length + b.length);
    const z =
      (top(a) / a.length - top(b) / b.length) / Math.sqrt(pooled * (1 - pooled) * (1 / a.length + 1 / b.length));
    expect(change.topTwoBox!.difference).toBeCloseTo(top(a) / a.length - top(b) / b.length, 10);
    expect(change.topTwoBox!.p).toBeCloseTo(2 * normalCdf(-Math.abs(z)), 10);

    // NPS: each score +1 (9–10), 0, −1 (0–6); its variance per respondent P + D − (P − D)².
    const npsOf = (xs: number[]) => {
      const p = xs.filter((x) => x >= 9).length / xs.length;
      const d = xs.filter((x) => x <= 6).length / xs.length;
      return { score: 100 * (p - d), v: (p + d - (p - d) ** 2) / xs.length };
    };
    const [na, nb] = [npsOf(w2.map((r) => r.nps)), npsOf(w1.map((r) => r.nps))];
    const zNps = (na.score - nb.score) / (100 * Math.sqrt(na.v + nb.v));
    expect(change.nps!.difference).toBeCloseTo(na.score - nb.score, 10);
    expect(change.nps!.p).toBeCloseTo(2 * normalCdf(-Math.abs(zNps)), 10);
    expect(change.nps!.significant).toBe(change.nps!.p < 0.05);

    // The tables export carries each change and its p.
    const csv = Papa.parse<Record<string, string>>(
      await exportTables(t.store, survey.id, v.parse(TablesQuerySchema, {})),
      {
        header: true,
        skipEmptyLines: true,
      },
    ).data;
    const value = (measure: string) => Number(csv.find((r) => r.section === 'trend' && r.measure === measure)?.value);
    expect(value('wave_2_satisfaction_change')).toBeCloseTo(mean(a) - mean(b), 10);
    expect(value('wave_2_nps_change_p')).toBeCloseTo(change.nps!.p, 10);
    expect(csv.some((r) => r.measure === 'wave_1_satisfaction_change')).toBe(false);
  });

  it('tests weighted waves at the effective sample size, once', async () => {
    t = makeTestApp();
    const survey = await loadHotelDemo(t, Date.UTC(2026, 10, 30));
    await t.rows(
      `update responses set wave = 2 where survey_id = ? and status = 'complete' and id % 2 = 0 returning id`,
      survey.id,
    );
    const report = await buildReport(t.store, survey.id, v.parse(ReportQuerySchema, { weight: 'cells' }));
    const { designEffect } = report.sections.fieldwork.weighting!;
    expect(designEffect).toBeGreaterThan(1);
    const answered = async (wave: number) =>
      Number(
        await t.value(
          `select count(*) from responses where survey_id = ? and status = 'complete' and is_test = false
            and wave = ? and ${osat} is not null`,
          survey.id,
          wave,
        ),
      );
    const [w1, w2] = report.sections.trend!.waves;
    // Each wave's mean counts its answers at n ÷ the design effect: the weighting's loss, once.
    expect(w1.satisfaction!.n).toBeCloseTo((await answered(1)) / designEffect, 9);
    expect(w2.satisfaction!.n).toBeCloseTo((await answered(2)) / designEffect, 9);
    // Welch's test on those summaries, by its formula.
    const [a, b] = [w2.satisfaction!, w1.satisfaction!];
    const [va, vb] = [a.sd ** 2 / a.n, b.sd ** 2 / b.n];
    const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
    const tStat = (a.mean - b.mean) / Math.sqrt(va + vb);
    expect(w2.change!.satisfaction!.p).toBeCloseTo(2 * tCdf(-Math.abs(tStat), df), 10);
    expect(w2.change!.satisfaction!.difference).toBeCloseTo(a.mean - b.mean, 12);
  });
});
