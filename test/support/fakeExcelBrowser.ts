/**
 * Ships the fake Excel host to a browser page: the fake (and the one core module it uses) are
 * transpiled with TypeScript and wrapped in a tiny module loader, then the script installs
 * `Office` and `Excel` globals backed by a workbook model, exactly where office.js would.
 * The browser test serves this instead of office.js.
 */
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
import ts from 'typescript';
import type { FakeHostOptions } from './fakeExcelHost';
import type { FakeWorkbookModel } from './fakeExcelModel';

const ROOT = resolve(__dirname, '..', '..');

/** Module id → file; ids are the paths the modules import each other by, resolved from ROOT. */
const MODULES: Record<string, string> = {
  'src/core/address': 'src/core/address.ts',
  'test/support/fakeExcelHost': 'test/support/fakeExcelHost.ts',
  'test/support/fakeExcelModel': 'test/support/fakeExcelModel.ts',
};

/** A workbook the page builds itself (200,000 rows need not travel as a 30 MB script). */
export interface GeneratedModel {
  largeBudgetRows: number;
  wrongEvery?: number;
}

function transpile(file: string): string {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, isolatedModules: true },
    fileName: file,
  }).outputText;
}

/** Resolves "../../src/core/address" as imported from "test/support/x" to "src/core/address". */
function resolveId(from: string, request: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of request.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function fakeOfficeScript(model: FakeWorkbookModel | GeneratedModel, options: FakeHostOptions): string {
  const workbook = 'largeBudgetRows' in model ? `load('test/support/fakeExcelModel').largeBudgetModel(${Number(model.largeBudgetRows)}, ${Number(model.wrongEvery ?? 0)})` : JSON.stringify(model);
  const modules = Object.entries(MODULES)
    .map(([id, file]) => `${JSON.stringify(id)}: function (module, exports, require) {\n${transpile(file)}\n}`)
    .join(',\n');
  return `(function () {
  var factories = {${modules}};
  var cache = {};
  var resolveId = ${resolveId.toString()};
  function load(id) {
    if (cache[id]) return cache[id].exports;
    var module = { exports: {} };
    cache[id] = module;
    factories[id](module, module.exports, function (request) { return load(resolveId(id, request)); });
    return module.exports;
  }
  var fake = load('test/support/fakeExcelHost');
  var host = new fake.FakeExcelHost(${workbook}, ${JSON.stringify(options)});
  var globals = host.globals();
  window.Office = globals.Office;
  window.Excel = globals.Excel;
  window.__fakeExcelHost = host;
})();
`;
}
