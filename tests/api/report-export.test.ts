/**
 * Exports of the seeded data set (tests/support/report-data.ts): the CSV parses back with
 * papaparse, the XLSX opens with exceljs and with SheetJS, and PSPP runs the .sps and reports the
 * same n and means as the raw answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import type { Agent, makeTestApp } from '../support/api';
import { ATTRS, NPS, OSAT, PURPOSE, TIER, seedReportData } from '../support/report-data';

let t: ReturnType<typeof makeTestApp>;
let researcher: Agent;
let viewer: Agent;
let surveyId: string;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function download(agent: Agent, path: string) {
  const res = await t.app.request(path, { headers: { cookie: agent.cookie } });
  expect(res.status, path).toBe(200);
  return res;
}

beforeEach(async () => {
  const seeded = await seedReportData();
  t = seeded.t;
  researcher = seeded.agents.researcher;
  viewer = seeded.agents.viewer;
  surveyId = seeded.surveyId;
});
afterEach(() => t.cleanup());

describe('response exports', () => {
  it('writes a CSV that parses back to the answers, as codes or as labels', async () => {
    const res = await download(researcher, `/api/surveys/${surveyId}/export/responses.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const parsed = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(8);
    expect(parsed.data.map((r) => Number(r.osat))).toEqual(OSAT);
    expect(parsed.data.map((r) => Number(r.attrs_a2))).toEqual(ATTRS.map((row) => row[1]));
    expect(parsed.data.map((r) => r.tier)).toEqual(TIER);
    // purpose is coded 1 = business, 2 = leisure (option order).
    expect(parsed.data.map((r) => Number(r.purpose))).toEqual(PURPOSE.map((p) => (p === 'business' ? 1 : 2)));
    expect(parsed.data[4].v_comment).toBe('Room was dirty');
    const labelled = Papa.parse<Record<string, string>>(
      await (await download(researcher, `/api/surveys/${surveyId}/export/responses.csv?labels=1`)).text(),
      { header: true },
    );
    expect(labelled.data.slice(0, 8).map((r) => r.purpose)).toEqual(PURPOSE);
  });

  it('writes an XLSX that exceljs and SheetJS both read', async () => {
    const buf = Buffer.from(
      await (
        await download(researcher, `/api/surveys/${surveyId}/export/responses.xlsx?filter=purpose:business`)
      ).arrayBuffer(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Responses')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('osat') + 1;
    const business = OSAT.filter((_, i) => PURPOSE[i] === 'business');
    expect(sheet.rowCount).toBe(1 + business.length);
    expect(Array.from({ length: business.length }, (_, k) => sheet.getRow(k + 2).getCell(col).value)).toEqual(business);
    const sheetjs = XLSX.read(buf);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheetjs.Sheets.Responses);
    expect(rows.map((r) => r.osat)).toEqual(business);
    expect(sheetjs.SheetNames).toEqual(['Responses', 'Variables']);
  });

  it("names the XLSX's sheets and codebook columns in the export's language", async () => {
    const buf = Buffer.from(
      await (await download(researcher, `/api/surveys/${surveyId}/export/responses.xlsx?lang=it`)).arrayBuffer(),
    );
    const sheetjs = XLSX.read(buf);
    expect(sheetjs.SheetNames).toEqual(['Risposte', 'Variabili']);
    const [head] = XLSX.utils.sheet_to_json<string[]>(sheetjs.Sheets.Variabili, { header: 1 });
    expect(head).toEqual(['Variabile', 'Etichetta', 'Livello', 'Codici']);
  });

  it('writes SPSS syntax with the data that PSPP runs, giving the same n and means', async () => {
    const sps = await (await download(researcher, `/api/surveys/${surveyId}/export/responses.sps`)).text();
    expect(sps).toMatch(/VARIABLE LABELS/);
    expect(sps).toMatch(/VALUE LABELS[\s\S]*purpose 1 "business" 2 "leisure"/);
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-pspp-'));
    try {
      const file = join(dir, 'export.sps');
      writeFileSync(file, `${sps}\nDESCRIPTIVES VARIABLES=osat nps attrs_a1.\n`);
      const out = execFileSync('pspp', [file, '-O', 'format=csv', '-o', join(dir, 'out.csv')], { encoding: 'utf8' });
      expect(out).not.toMatch(/error|warning/i);
      const csv = Papa.parse<string[]>(readFileSync(join(dir, 'out.csv'), 'utf8')).data;
      const stat = (label: string) => csv.find((r) => r[0] === label)!;
      // DESCRIPTIVES rows: label, N, Mean, Std Dev, Minimum, Maximum; PSPP prints the variable labels.
      expect(Number(stat('Overall')[1])).toBe(8);
      expect(Number(stat('Overall')[2])).toBeCloseTo(mean(OSAT), 2);
      expect(Number(stat('Recommend')[2])).toBeCloseTo(mean(NPS), 2);
      expect(Number(stat('Attributes: a1')[2])).toBeCloseTo(mean(ATTRS.map((r) => r[0])), 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps respondent-level data from viewers, who get the report tables', async () => {
    const denied = await t.app.request(`/api/surveys/${surveyId}/export/responses.csv`, {
      headers: { cookie: viewer.cookie },
    });
    expect(denied.status).toBe(403);
    const tables = Papa.parse<Record<string, string>>(
      await (await download(viewer, `/api/surveys/${surveyId}/export/tables.csv`)).text(),
      { header: true, skipEmptyLines: true },
    );
    const value = (section: string, key: string, measure: string) =>
      tables.data.find((r) => r.section === section && r.key === key && r.measure === measure)?.value;
    expect(Number(value('satisfaction', 'osat', 'mean'))).toBeCloseTo(mean(OSAT), 10);
    expect(Number(value('fieldwork', '', 'n'))).toBe(8);
    // NPS: 4 promoters and 2 detractors of 8 → 25 (hand count).
    expect(Number(value('loyalty', '', 'nps'))).toBeCloseTo(25, 10);
    const bad = await t.app.request(`/api/surveys/${surveyId}/export/tables.csv?labels=2`, {
      headers: { cookie: viewer.cookie },
    });
    expect(bad.status).toBe(400);
  });
});
