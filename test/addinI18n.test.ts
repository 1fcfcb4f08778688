/**
 * Every string of the pane lives in src/i18n (zh-CN first, en second): no component carries
 * Chinese or English words of its own, both languages have every key, and the pane follows
 * Office's display language.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { languageOf } from '../src/adapters/excel/officeHost';
import { en } from '../src/i18n/en';
import { messagesFor } from '../src/i18n';
import { zhCN } from '../src/i18n/zh-CN';

const PANE = join(__dirname, '..', 'taskpane');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** The source without comments, so a comment may say why in any language. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Text between a tag's closing '>' (not an arrow's) and the next '<' that holds a letter. */
function jsxTexts(src: string): string[] {
  return [...src.matchAll(/(?<![=])>(?!\s*\))([^<>{};=]*?[A-Za-z\u4e00-\u9fff][^<>{};=]*?)</g)].map((m) => m[1].trim());
}

/** Attributes whose literal value a user reads. */
const READABLE_ATTRIBUTES = /\b(label|title|aria-label|placeholder|alt)=["'][^"']*[A-Za-z\u4e00-\u9fff]/;

describe('no hard-coded UI strings in the task pane', () => {
  const components = files(PANE, /\.tsx$/);

  test('there are components to check', () => {
    expect(components.length).toBeGreaterThanOrEqual(5);
  });

  test.each(files(PANE, /\.tsx?$/).map((f) => [f.slice(PANE.length + 1), f]))('%s has no Chinese text', (_, file) => {
    expect(code(file).match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? []).toEqual([]);
  });

  test.each(components.map((f) => [f.slice(PANE.length + 1), f]))('%s has no words in JSX text or readable attributes', (_, file) => {
    const src = code(file);
    // Text between a closing '>' of a tag and the next '<' or '{' that contains a letter.
    expect(jsxTexts(src)).toEqual([]);
    expect(src.split('\n').filter((line) => READABLE_ATTRIBUTES.test(line))).toEqual([]);
  });

  test('the detector catches a hard-coded string', () => {
    const sample = '<Button onClick={go}>Check workbook</Button>\n<Switch label="严格" />';
    expect(jsxTexts(sample)).toEqual(['Check workbook']);
    expect(READABLE_ATTRIBUTES.test(sample.split('\n')[1])).toBe(true);
  });
});

describe('both languages', () => {
  function keys(o: object, prefix = ''): string[] {
    return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  }

  test('zh-CN and en have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const m of [zhCN, en]) for (const k of keys(m)) expect(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m)).toBeTruthy();
  });

  test('the Chinese strings are Chinese and the primary button says 检查工作簿', () => {
    expect(zhCN.check).toBe('检查工作簿');
    expect(zhCN.clear).toBe('清除标记');
    expect(zhCN.exportReport).toBe('导出报告');
    expect(zhCN.marked(3)).toMatch(/3/);
    expect(en.check).toBe('Check workbook');
  });

  test('the pane follows Office.context.displayLanguage: Chinese for zh-*, English otherwise', () => {
    expect(languageOf('zh-CN')).toBe('zh-CN');
    expect(languageOf('zh-TW')).toBe('zh-CN');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('de-DE')).toBe('en');
    expect(messagesFor(languageOf('en-GB'))).toBe(en);
  });
});
