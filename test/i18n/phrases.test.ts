/**
 * Japanese phrases a line may not break inside: the names the workshop's bins and
 * other narrow boxes wrap, cut where a reader would pause, never inside a word.
 */
import { describe, expect, it } from 'vitest';
import { phrases } from '../../src/i18n/phrases.ts';

const cut = (text: string) => phrases(text).join('|');

describe('phrases', () => {
  it('keeps a word with its okurigana and particles whole: 見込みなし, not 見込みな|し', () => {
    expect(cut('見込みなし')).toBe('見込みなし');
    expect(cut('未接触のまま離脱')).toBe('未接触のまま|離脱');
    expect(cut('過負荷による解約')).toBe('過負荷による|解約');
    expect(cut('導入前に解約')).toBe('導入前に|解約');
    expect(cut('通常の解約')).toBe('通常の|解約');
    expect(cut('IS待ちで冷めた')).toBe('IS待ちで|冷めた');
    expect(cut('FS待ちで熱量低下')).toBe('FS待ちで|熱量低下');
  });

  it('never splits a run of katakana, kanji or Latin', () => {
    expect(cut('ナーチャリング')).toBe('ナーチャリング');
    expect(cut('オンボーディング待ち')).toBe('オンボーディング待ち');
    expect(cut('失注')).toBe('失注');
    expect(cut('ARR(月末)')).toBe('ARR(月末)');
  });

  it('breaks after punctuation, and before a bracket or a number after a phrase', () => {
    expect(cut('待ちは着手までの日数で、着手できた件のみ。')).toBe('待ちは|着手までの|日数で、|着手できた|件のみ。');
    expect(cut('ボトルネックになります(変更前はIS)')).toBe('ボトルネックになります|(変更前は|IS)');
    expect(cut('人数は3人')).toBe('人数は|3人');
  });

  it('never starts a phrase with a small kana, the long-vowel mark or closing punctuation', () => {
    for (const text of ['のャ', 'のー', 'の。', 'の)', 'のっ']) expect(phrases(text)).toHaveLength(1);
  });

  it('leaves English as one piece (it wraps at its spaces) and loses no character', () => {
    expect(phrases('Marketing too strong: Inside Sales is thin')).toEqual(['Marketing too strong: Inside Sales is thin']);
    for (const text of ['', 'フィールドセールスがボトルネックです(変更前はインサイドセールス)', '受注 385件、解約 92']) expect(phrases(text).join('')).toBe(text);
  });
});
