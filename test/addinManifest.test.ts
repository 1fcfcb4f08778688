/**
 * manifest.xml checked offline (the online `npm run validate` needs the network): well-formed,
 * the elements Office requires in the order its schema requires, ids, URLs, string lengths,
 * every resid defined with the right kind, icons present at their declared sizes, zh-CN default
 * with English overrides. office-addin-manifest's own reader gives a second opinion.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { REQUIREMENTS } from '../src/adapters/excel/officeHost';


const ROOT = join(__dirname, '..');
const MANIFEST = join(ROOT, 'manifest.xml');

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A small strict XML reader for the manifest: tags must nest, attributes must be quoted. */
function parseXml(xml: string): XmlElement {
  const src = xml.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(src))) {
    if (m.index !== consumed) throw new Error(`not well-formed near: ${src.slice(consumed, consumed + 40)}`);
    consumed = token.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
      const el: XmlElement = { name: m[2], attrs, children: [], text: '' };
      top.children.push(el);
      if (!m[4]) stack.push(el);
    } else if (m[5]) {
      if (m[5].includes('>')) throw new Error('stray >');
      top.text += m[5].trim();
    }
  }
  if (consumed !== src.length || stack.length !== 1) throw new Error('not well-formed: unclosed element');
  return root.children[0];
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}

/** Width and height from a PNG's IHDR. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const xml = readFileSync(MANIFEST, 'utf8');
const app = parseXml(xml);

describe('manifest.xml (offline schema checks)', () => {
  test('the reader rejects what Office would reject', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a x=1></a>')).toThrow();
    expect(() => parseXml('<a>')).toThrow();
  });

  test('OfficeApp: task pane add-in in the 1.1 namespace, elements in schema order', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    const order = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    const names = app.children.map((c) => c.name);
    for (const required of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions']) expect(names).toContain(required);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('id, version, host, permission', () => {
    expect(child(app, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, 'Version')!.text).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(child(app, 'ProviderName')!.text.length).toBeLessThanOrEqual(250);
    expect(all(child(app, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(app, 'Permissions')!.text).toBe('ReadWriteDocument');
    // What the reader calls: getMergedAreasOrNullObject is ExcelApi 1.13 (officeHost.ts REQUIREMENTS.read).
    expect(all(app, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', REQUIREMENTS.read]]);
  });

  test('zh-CN is the default locale, every visible string has an en-US override, lengths within limits', () => {
    expect(child(app, 'DefaultLocale')!.text).toBe('zh-CN');
    const display = child(app, 'DisplayName')!;
    const description = child(app, 'Description')!;
    expect(display.attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(description.attrs.DefaultValue.length).toBeLessThanOrEqual(250);
    for (const el of [display, description]) expect(el.children.map((o) => [o.name, o.attrs.Locale])).toEqual([['Override', 'en-US']]);
    for (const kind of ['bt:ShortStrings', 'bt:LongStrings']) {
      const limit = kind === 'bt:ShortStrings' ? 125 : 250;
      for (const s of all(app, kind).flatMap((k) => k.children)) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
        const override = s.children.find((o) => o.name === 'bt:Override')!;
        expect(override.attrs.Locale).toBe('en-US');
        expect(override.attrs.Value.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  test('every URL is https and the pane is taskpane.html on the dev server (replaced in production)', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
  });

  test('a Home-tab button shows the task pane; every resid exists with the right kind; ids ≤ 32 chars and unique', () => {
    const overrides = child(app, 'VersionOverrides')!;
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    const host = all(overrides, 'Host')[0];
    expect(host.attrs['xsi:type']).toBe('Workbook');
    const tab = all(host, 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    const button = all(tab, 'Control')[0];
    expect(button.attrs['xsi:type']).toBe('Button');
    const action = child(button, 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');

    const resources = child(overrides, 'Resources')!;
    const kindOf = new Map<string, string>();
    for (const group of resources.children) for (const r of group.children) {
      expect(kindOf.has(r.attrs.id)).toBe(false);
      expect(r.attrs.id.length).toBeLessThanOrEqual(32);
      kindOf.set(r.attrs.id, group.name);
    }
    const expectKind = (el: XmlElement, kinds: string[]) => expect([el.name, kinds.includes(kindOf.get(el.attrs.resid) ?? '')]).toEqual([el.name, true]);
    for (const el of all(overrides, 'bt:Image').filter((e) => e.attrs.resid)) expectKind(el, ['bt:Images']);
    for (const name of ['SourceLocation', 'FunctionFile', 'LearnMoreUrl']) for (const el of all(host, name)) expectKind(el, ['bt:Urls']);
    for (const el of all(host, 'Label')) expectKind(el, ['bt:ShortStrings']);
    for (const el of all(host, 'Title')) expectKind(el, ['bt:ShortStrings']);
    for (const el of all(host, 'Description')) expectKind(el, ['bt:LongStrings']);
    expect(all(button, 'bt:Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
  });

  test('the icons exist in assets/ at their declared sizes', () => {
    const resources = all(app, 'bt:Images')[0].children;
    const declared: [string, number][] = [
      [child(app, 'IconUrl')!.attrs.DefaultValue, 32],
      [child(app, 'HighResolutionIconUrl')!.attrs.DefaultValue, 64],
      ...resources.map((r): [string, number] => [r.attrs.DefaultValue, Number(/(\d+)x\d+/.exec(r.attrs.id)![1])]),
    ];
    for (const [url, size] of declared) {
      const file = join(ROOT, new URL(url).pathname);
      expect(pngSize(file)).toEqual([size, size]);
    }
  });

  test("office-addin-manifest's reader agrees", async () => {
    // In a child node: the package pulls ESM-only modules that jest's CommonJS runtime cannot load.
    const script = "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => process.stdout.write(JSON.stringify(i)))";
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script, MANIFEST], { cwd: ROOT, encoding: 'utf8' }));
    expect(info.id).toBe(child(app, 'Id')!.text);
    expect(info.defaultLocale).toBe('zh-CN');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.displayName).toBe('预算表校验');
  });
});
