/**
 * CSV export: the bytes Excel in Japan needs (BOM, CRLF, RFC 4180), a rectangular
 * table with the run's own numbers, and a label in both languages for every measure.
 */
import { describe, expect, it } from 'vitest';
import { csvFileName, resultCsv, CSV_COLUMNS } from '../../src/export/csv.ts';
import { describeMeasure } from '../../src/export/csvLabels.ts';
import type { RunResult } from '../../src/montecarlo/run.ts';
import { runInline } from '../../src/runner/inline.ts';
import type { Lang } from '../../src/i18n/format.ts';
import { libraryScenarios } from '../support/scenarios.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';

const baseline = libraryScenarios().find((x) => x.file === 'baseline.json')!.scenario;
const result = runInline({ ...baseline, replications: 3, horizonDays: 56 }).result;
const WEEKS = 8;
const COLUMNS = 12;

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\r' || c === '\n') throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) throw new Error('the last row has no CRLF');
  return rows;
}

/** Every summary of a run's measures with its path. */
/** The measures a CSV carries: every summary in the result but the comparisons' control variates. */
function leaves(node: unknown, path: string[] = []): { path: string[]; stats: Record<string, number | number[]> }[] {
  if (typeof node !== 'object' || node === null || path[0] === 'controls') return [];
  if ('ciHigh' in node) return [{ path, stats: node as Record<string, number | number[]> }];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
}

const STATS = ['mean', 'p10', 'p50', 'p90', 'ciLow', 'ciHigh'] as const;

/** The CSV of `r` read back: the block naming the run and the results table. */
function read(r: RunResult, lang: Lang) {
  const csv = resultCsv(r, lang);
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(csv.slice(1));
  const blank = rows.findIndex((row) => row.every((f) => f === ''));
  return { csv, rows, meta: rows.slice(0, blank), header: rows[blank + 1], body: rows.slice(blank + 2) };
}

/** A number written with 6 significant digits (yen: whole) equals `expected`. */
function expectWritten(field: string, expected: number, yen: boolean) {
  if (!Number.isFinite(expected)) return expect(field).toBe('');
  expect(field).toMatch(/^-?\d+(\.\d+)?$/);
  const x = Number(field);
  if (yen) expect(x).toBe(Math.round(expected) || 0);
  else expect(Math.abs(x - expected)).toBeLessThanOrEqual(5e-6 * Math.abs(expected));
}

describe('the file Excel opens', () => {
  it('starts with a BOM, ends lines with CRLF and survives a UTF-8 round trip with its Japanese intact', () => {
    const csv = resultCsv(result, 'ja');
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(csv);
    expect(text).toContain('インサイドセールス');
    expect(text).toContain('カスタマーサクセス');
    expect(text).toContain('中央値');
    expect(text).toContain('商談化率');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has the exact header in English and in Japanese', () => {
    expect(read(result, 'en').header).toEqual(['section', 'measure', 'department', 'unit', 'week', 'month', 'mean', 'p10', 'p50', 'p90', 'ci_low', 'ci_high']);
    expect(read(result, 'ja').header).toEqual(['区分', '指標', '部門', '単位', '週', '経過月', '平均', 'P10', '中央値', 'P90', '95%信頼区間下限', '95%信頼区間上限']);
    expect(CSV_COLUMNS.en).toHaveLength(COLUMNS);
  });

  it('is one rectangular table: the run, an empty row, the results', () => {
    for (const lang of ['en', 'ja'] as const) {
      const { rows, meta } = read(result, lang);
      for (const row of rows) expect(row).toHaveLength(COLUMNS);
      expect(meta).toHaveLength(9);
      expect(rows[9].every((f) => f === '')).toBe(true);
    }
  });

  it('names the run in its first rows', () => {
    const { meta } = read(result, 'en');
    expect(meta.map((r) => r.slice(0, 2))).toEqual([
      ['scenario', baseline.name],
      ['seed', 'baseline'],
      ['replications', '3'],
      ['horizon_days', '56'],
      ['warmup_days', String(baseline.warmupDays)],
      ['target_arr_yen', String(baseline.targets.arrYen)],
      ['target_probability', expect.stringMatching(/^(0|1|0\.\d+)$/)],
      ['bottleneck', result.bottleneck.limit === 'demand' ? 'Marketing (limited by demand)' : expect.stringContaining('capacity')],
      ['engine_version', String(ENGINE_VERSION)],
    ]);
    expect(Number(meta[6][1])).toBeCloseTo(result.target!.probability, 5);
    expect(read(result, 'ja').meta[0]).toEqual(['シナリオ', baseline.name, ...new Array(10).fill('')]);
    const noTarget = read({ ...result, target: null }, 'en').meta;
    expect(noTarget[5][1]).toBe('');
    expect(noTarget[6][1]).toBe('');
  });
});

describe('the rows', () => {
  const all = leaves(result.measures);
  const series = all.filter((l) => Array.isArray(l.stats.mean));
  const weekly = series.filter((l) => l.path.at(-1)!.endsWith('ByWeek'));
  const monthly = series.filter((l) => l.path.at(-1)!.endsWith('ByMonth'));

  it('one per scalar measure, per week of each weekly series and per month of each monthly series', () => {
    // 4 of the funnel, 2 of each queueing department, 2 of each department's people (paid, productive).
    expect(weekly).toHaveLength(18);
    expect(monthly.map((l) => l.path.join('.'))).toEqual(['revenue.arrByMonth', 'revenue.bookingsByMonth']);
    expect(weekly.length + monthly.length).toBe(series.length);
    for (const l of weekly) expect(l.stats.mean).toHaveLength(WEEKS);
    const { body } = read(result, 'en');
    const scalars = all.length - series.length;
    expect(body.filter((r) => r[0] === 'whole period')).toHaveLength(scalars);
    expect(body.filter((r) => r[0] === 'weekly')).toHaveLength(WEEKS * weekly.length);
    const months = (result.measures.revenue.arrByMonth.mean.length);
    expect(body.filter((r) => r[0] === 'monthly')).toHaveLength(months * monthly.length);
    expect(body).toHaveLength(scalars + WEEKS * weekly.length + months * monthly.length);
    // Weeks and months are numbered from 1, in order; the other column stays empty.
    const leadsWeeks = body.filter((r) => r[0] === 'weekly' && r[1] === 'Leads');
    expect(leadsWeeks.map((r) => r[4])).toEqual(Array.from({ length: WEEKS }, (_, i) => String(i + 1)));
    expect(leadsWeeks.every((r) => r[5] === '')).toBe(true);
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: every number equals the run's, to 6 significant digits (yen whole)`, () => {
      const { body } = read(result, lang);
      const section = { en: ['whole period', 'weekly', 'monthly'], ja: ['期間全体', '週次', '月次'] }[lang];
      let checked = 0;
      for (const leaf of all) {
        const d = describeMeasure(leaf.path, lang)!;
        const isSeries = Array.isArray(leaf.stats.mean);
        const s = !isSeries ? section[0] : leaf.path.at(-1)!.endsWith('ByWeek') ? section[1] : section[2];
        const rows = body.filter((r) => r[0] === s && r[1] === d.label && r[2] === (d.department ? (lang === 'en' ? { insideSales: 'Inside Sales', fieldSales: 'Field Sales', customerSuccess: 'Customer Success' } : { insideSales: 'インサイドセールス', fieldSales: 'フィールドセールス', customerSuccess: 'カスタマーサクセス' })[d.department] : ''));
        const n = isSeries ? (leaf.stats.mean as number[]).length : 1;
        expect(rows, leaf.path.join('.')).toHaveLength(n);
        rows.forEach((row, i) => {
          STATS.forEach((stat, k) => {
            const v = leaf.stats[stat];
            expectWritten(row[6 + k], isSeries ? (v as number[])[i] : (v as number), d.unit === 'yen');
            checked++;
          });
        });
      }
      expect(checked).toBe(body.length * 6);
    });
  }

  it('spot checks by hand: ARR at the horizon, IS utilisation, leads in week 3, ARR in month 2', () => {
    const { body } = read(result, 'en');
    const find = (section: string, label: string, dept = '', at = '') =>
      body.find((r) => r[0] === section && r[1] === label && r[2] === dept && (r[4] === at || r[5] === at))!;
    const m = result.measures;
    expect(find('whole period', 'ARR at horizon')[8]).toBe(String(Math.round(m.revenue.arrEndYen.p50)));
    expect(find('whole period', 'ARR at horizon')[3]).toBe('yen');
    expect(Number(find('whole period', 'Utilisation', 'Inside Sales')[6])).toBeCloseTo(m.insideSales.utilisation.mean, 5);
    expect(Number(find('weekly', 'Leads', '', '3')[6])).toBeCloseTo(m.funnel.leadsByWeek.mean[2], 3);
    expect(find('monthly', 'ARR at the end of the month', '', '2')[8]).toBe(String(Math.round(m.revenue.arrByMonth.p50[1])));
    expect(find('whole period', 'Lost in the period: Went cold waiting for IS')).toBeDefined();
    expect(read(result, 'ja').body.some((r) => r[1] === '期間中の損失: IS待ちで冷めた')).toBe(true);
  });

  it('writes undefined values as empty fields and never an exponent or a thousands separator', () => {
    const r = structuredClone(result);
    r.measures.funnel.winRate = { n: 0, mean: NaN, sd: NaN, p10: NaN, p50: NaN, p90: NaN, ciLow: NaN, ciHigh: NaN };
    r.measures.insideSales.pWait = { ...r.measures.insideSales.pWait, mean: 1.23456789e-7, p10: -0, p50: 12345678.9, p90: 1e21 };
    const { body } = read(r, 'en');
    expect(body.find((x) => x[1].startsWith('Win rate'))!.slice(6)).toEqual(['', '', '', '', '', '']);
    const pWait = body.find((x) => x[1] === 'Share of items that waited' && x[2] === 'Inside Sales')!;
    expect(pWait.slice(6, 10)).toEqual(['0.000000123457', '0', '12345679', '1000000000000000000000']);
    for (const row of read(result, 'ja').body) for (const f of row.slice(6)) expect(f).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });

  it('a run from JSON (undefined values as null) is written the same way', () => {
    const fromJson = JSON.parse(JSON.stringify(result)) as RunResult;
    expect(resultCsv(fromJson, 'ja')).toBe(resultCsv(result, 'ja'));
  });
});

describe('labels', () => {
  const all = leaves(result.measures);

  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: every measure has a label, a unit, and no two share a label within a section and department`, () => {
      const seen = new Map<string, string>();
      for (const { path, stats } of all) {
        const d = describeMeasure(path, lang);
        expect(d, `${path.join('.')} has no ${lang} label`).not.toBeNull();
        expect(d!.label.trim()).not.toBe('');
        expect(d!.label).not.toMatch(/[{}]/);
        const key = `${Array.isArray(stats.mean) ? path.at(-1)!.slice(-7) : 'scalar'}|${d!.department}|${d!.label}`;
        expect(seen.get(key), `${path.join('.')} and ${seen.get(key)} are both "${d!.label}"`).toBeUndefined();
        seen.set(key, path.join('.'));
      }
      // The fallback (a measure's path) never shows, nor do the control variates.
      expect(resultCsv(result, lang)).not.toMatch(/\b(funnel|revenue|population|insideSales|controls)\./);
    });
  }

  it('Japanese labels are Japanese, not the English ones', () => {
    let japanese = 0;
    for (const { path } of all) {
      const en = describeMeasure(path, 'en')!.label, ja = describeMeasure(path, 'ja')!.label;
      if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(ja)) japanese++;
      else expect(['MQLs', 'SQLs', 'NRR', 'GRR', 'LTV', 'CAC']).toContain(en);
    }
    expect(japanese).toBeGreaterThanOrEqual(all.length - 8);
  });

  it('a path that is not a measure has no label', () => {
    for (const path of [[], ['funnel'], ['funnel', 'lost'], ['funnel', 'lost', 'toString'], ['insideSales', 'constructor'], ['nothing', 'here'], ['population', 'live', 'isCold']]) {
      expect(describeMeasure(path, 'en')).toBeNull();
    }
  });
});

describe('text fields', () => {
  it('quotes a scenario name with a comma, a quote and a line break, and reads back the same name', () => {
    const name = 'IS ×2, "fast" follow-up\nand more\r\nlines';
    const r: RunResult = { ...result, scenario: { ...result.scenario, name } };
    const csv = resultCsv(r, 'ja');
    expect(csv).toContain('"IS ×2, ""fast"" follow-up\nand more\r\nlines"');
    const { meta, rows } = read(r, 'ja');
    expect(meta[0][1]).toBe(name);
    for (const row of rows) expect(row).toHaveLength(COLUMNS);
  });

  it('keeps Excel from running a name or seed as a formula, but leaves a negative number alone', () => {
    const r: RunResult = { ...result, scenario: { ...result.scenario, name: '=HYPERLINK("http://x","y")', seed: '-5' } };
    const { meta } = read(r, 'en');
    expect(meta[0][1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(meta[1][1]).toBe('-5');
    for (const bad of ['+1+cmd', '-2-x', '@SUM(A1)']) {
      const m = read({ ...result, scenario: { ...result.scenario, name: bad } }, 'en').meta;
      expect(m[0][1]).toBe(`'${bad}`);
    }
  });
});

describe('csvFileName', () => {
  it('keeps letters of any script and digits, and turns everything else into single dashes', () => {
    expect(csvFileName('Baseline: balanced mid-size Japanese B2B SaaS', 'en')).toBe('Baseline-balanced-mid-size-Japanese-B2B-SaaS-results.csv');
    expect(csvFileName('インサイドセールス ×2 / 4月', 'ja')).toBe('インサイドセールス-2-4月-結果.csv');
    expect(csvFileName('../../etc/passwd', 'en')).toBe('etc-passwd-results.csv');
    expect(csvFileName('a<b>c:d"e|f?g*h\\i', 'en')).toBe('a-b-c-d-e-f-g-h-i-results.csv');
    expect(csvFileName('', 'en')).toBe('funnel-results.csv');
    expect(csvFileName(' ... ', 'ja')).toBe('funnel-結果.csv');
  });

  it('caps the name at 60 characters without splitting a character', () => {
    const name = csvFileName('営業'.repeat(100) + '😀', 'ja');
    expect(Array.from(name.replace(/-結果\.csv$/, ''))).toHaveLength(60);
    expect(name).not.toMatch(/[\uD800-\uDFFF]/u);
    expect(csvFileName('x'.repeat(59) + ' y', 'en')).toBe('x'.repeat(59) + '-results.csv');
  });
});
