import { splitMessage, summaryLine, reportLines } from "../src/core/report";
import type { Finding } from "../src/core/finding";

/** The records every output is built from: the pane, the report sheet, the CLI. */
describe("a culprit message folds into its sentence and its checks", () => {
  test("zh-CN ［n］ and en [n] markers split the checks off", () => {
    expect(
      splitMessage("E39 是 2 项不平的共同原因。［1］第一项 ［2］第二项"),
    ).toEqual({
      head: "E39 是 2 项不平的共同原因。",
      details: ["第一项", "第二项"],
    });
    expect(
      splitMessage("E39 is the one cell behind 2 checks. [1] one [2] two"),
    ).toEqual({
      head: "E39 is the one cell behind 2 checks.",
      details: ["one", "two"],
    });
  });
  test("an ordinary message stays whole", () => {
    expect(splitMessage("合计 1,269.26 ≠ 1,269.27（差 -0.01）")).toEqual({
      head: "合计 1,269.26 ≠ 1,269.27（差 -0.01）",
      details: [],
    });
  });
});

describe("the report sheet lines", () => {
  const f: Finding = {
    rule: "row-sum",
    severity: "error",
    sheet: "YS04",
    cell: "E39",
    cells: [],
    parts: [],
    actual: null,
    expected: "912.63",
    difference: "-912.63",
    tolerance: "0.015",
    message: { "zh-CN": "收入合计为空", en: "income total empty" },
  };
  test("say an empty cell is empty, in the reader language, and keep the link target", () => {
    const { headers, lines } = reportLines([f], "zh-CN");
    expect(headers[4]).toBe("单元格");
    expect(lines[0].cells).toEqual([
      "1",
      "错误",
      "row-sum",
      "YS04",
      "E39",
      "（空）",
      "912.63",
      "-912.63",
      "0.015",
      "收入合计为空",
    ]);
    expect(lines[0]).toMatchObject({ sheet: "YS04", cell: "E39" });
    expect(reportLines([f], "en").lines[0].cells[5]).toBe("(empty)");
  });
  test("the summary counts tables, errors, warnings and infos", () => {
    expect(
      summaryLine([], { errors: 4, warnings: 2, infos: 10 }, "zh-CN"),
    ).toBe("识别表格 0 张；错误 4 条，警告 2 条，提示 10 条");
  });
});
