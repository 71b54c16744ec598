/** Dates typed in the app's language: read year first in any of its forms, shown in the language's, refused with the rule. */
import { describe, expect, it } from 'vitest';
import { dateInputMessage, formatDateInput, parseDateInput } from '../../src/i18n/dateInput.ts';
import { dateFieldProblem, dateFieldText, hireDayEdit, startDateEdits } from '../../src/ui/editor/dates.ts';

describe('reading a typed date', () => {
  it('reads the Japanese forms, the ISO form and full-width digits', () => {
    for (const text of ['2027/03/02', '2027/3/2', '2027年3月2日', '2027年03月02日', '2027年3月2', '2027-03-02', '2027-3-2', '2027.3.2', '２０２７／３／２', '２０２７年３月２日', ' 2027 / 03 / 02 '])
      expect(parseDateInput(text), text).toEqual({ ok: true, iso: '2027-03-02' });
  });

  it('refuses day- or month-first forms, mixed separators, two-digit years and dates not on the calendar', () => {
    for (const text of ['03/02/2027', '02.03.2027', '2027/03-02', '27/3/2', '2027/02/29', '2027/13/01', '2027/00/10', '2027年2月30日', '2027/3', 'tomorrow', ''])
      expect(parseDateInput(text), text).toEqual({ ok: false });
    expect(parseDateInput('2028/02/29')).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('shows a date in the language’s form', () => {
    expect(formatDateInput('2027-03-02', 'ja')).toBe('2027/03/02');
    expect(formatDateInput('2027-03-02', 'en')).toBe('2027-03-02');
  });

  it('names the field, the text typed and the rule', () => {
    expect(dateInputMessage('計画の開始日', '03/02/2027', 'ja')).toBe('「03/02/2027」は日付として読めません。計画の開始日は 2027/03/02 または 2027年3月2日 のように、年・月・日の順で実在する日付を入力してください。');
    expect(dateInputMessage('Date of day 0', '03/02/2027', 'en')).toBe('"03/02/2027" is not a date. Date of day 0: enter a real date as year-month-day, like 2027-03-02.');
  });
});

describe('the editor’s date fields', () => {
  it('the date of day 0 typed in Japanese is stored as an ISO date with its month; other text is kept as typed', () => {
    expect(startDateEdits('2027年7月1日')).toEqual([[['marketing', 'startMonth'], 7], [['startDate'], '2027-07-01']]);
    expect(startDateEdits('2027/07/01')).toEqual([[['marketing', 'startMonth'], 7], [['startDate'], '2027-07-01']]);
    expect(startDateEdits('07/01/2027')).toEqual([[['startDate'], '07/01/2027']]);
    expect(startDateEdits('  ')).toEqual([[['startDate'], null]]);
  });

  it('a hire’s date becomes its day, or stays as typed; by month when there is no date of day 0', () => {
    expect(hireDayEdit('2027-04-01', '2027/7/1')).toBe(91);
    expect(hireDayEdit('2027-04-01', '2027年7月1日')).toBe(91);
    expect(hireDayEdit('2027-04-01', '7/1/2027')).toBe('7/1/2027');
    expect(hireDayEdit(null, '2027/7/1')).toBe(null);
  });

  it('shows a date in the language’s form, other text as typed, and names its problem', () => {
    expect(dateFieldText('2027-07-01', 'ja')).toBe('2027/07/01');
    expect(dateFieldText('2027-07-01', 'en')).toBe('2027-07-01');
    expect(dateFieldText('7/1/2027', 'ja')).toBe('7/1/2027');
    expect(dateFieldText(null, 'ja')).toBe('');
    expect(dateFieldProblem('2027-07-01', '日付', 'ja')).toBe(null);
    expect(dateFieldProblem(null, '日付', 'ja')).toBe(null);
    expect(dateFieldProblem(91, '日付', 'ja')).toBe(null);
    expect(dateFieldProblem('7/1/2027', '日付', 'ja')).toContain('「7/1/2027」は日付として読めません。日付は');
  });
});
