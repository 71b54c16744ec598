/** The progress line's words: a run that failed never reads as done. */
import { describe, expect, it } from 'vitest';
import { statusLabelKey } from '../../src/ui/statusLabel.ts';
import { translate } from '../../src/i18n/messages.ts';
import type { Status } from '../../src/ui/state/app.svelte.ts';

describe('status label', () => {
  it('a failed run says it failed, in both languages', () => {
    expect(translate('en', statusLabelKey('error'))).toBe('Failed');
    expect(translate('ja', statusLabelKey('error'))).toBe('失敗しました');
  });

  it('only a finished run (or none yet) reads as done', () => {
    const statuses: Status[] = ['idle', 'running', 'done', 'stopped', 'error'];
    expect(statuses.filter((s) => statusLabelKey(s) === 'done')).toEqual(['idle', 'done']);
    expect(new Set(statuses.map(statusLabelKey)).size).toBe(4);
  });
});
