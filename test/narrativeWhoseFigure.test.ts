import { audit } from "../src/core/engine";
import type { GridSheet } from "../src/core/snapshot";
import { sheet, workbook } from "./support/sheetBuilder";
import { BUDGET_TABLES } from "./support/smallBudget";

/**
 * Whose figure a sentence of the 情况说明 states, as budget narratives of other provinces write it (found by a hunt on
 * Guangdong-style disclosures): a reason's figure, a project's or a unit's money, a change after two figures. Each was
 * held to the department's figure and called wrong where it was right.
 * Support: test/support/smallBudget.ts (某某局: 收支 1000.00 = 基本 800.00 (人员 700.00 + 公用 100.00) + 项目 200.00;
 * 项目支出表: 医疗保障业务经费 150.00, 信息系统运行维护 50.00; 机关运行经费 100.00).
 */
const told = (prose: string[], extra: GridSheet[] = []) =>
  audit(
    workbook(
      ...BUDGET_TABLES.map((t) => t()),
      ...extra,
      sheet("情况说明", [
        ["某某局2024年部门预算情况说明"],
        ...prose.map((p) => [p]),
      ]),
    ),
  )
    .findings.filter((f) => f.sheet === "情况说明" && f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

describe("a reason’s figure between a total and its 其中 list opens no list", () => {
  const said = (project: string) =>
    `2024年支出预算1000.00万元，较上年增加50.00万元，增长5.26%，主要原因是新增业务经费256.00万元。其中：基本支出800.00万元，占80.00%；项目支出${project}万元，占20.00%。`;

  test("the shares are of the total: right, nothing said", () => {
    expect(told([said("200.00")])).toEqual([]);
  });

  test("a part that is not the table’s is still told", () => {
    expect(told([said("210.00")])).toEqual([
      "narrative-vs-table A2 210.00→200.00",
    ]);
  });
});

describe("a project’s own money (某某项目 A，其中：一般公共预算拨款 a，事业收入 b) is not the department’s income", () => {
  test("not held to the department’s income lines", () => {
    expect(
      told([
        "2024年医疗保障业务经费项目150.00万元，其中：一般公共预算拨款120.00万元，事业收入30.00万元。",
      ]),
    ).toEqual([]);
  });

  test("the department’s own split is still held to its income", () => {
    expect(
      told([
        "2024年收入预算1000.00万元，其中：一般公共预算拨款900.00万元，事业收入100.00万元。",
      ]),
    ).toEqual([
      "narrative-vs-table A2 900.00→1000.00",
      "narrative-vs-table A2 100.00→0.00",
    ]);
  });
});

describe("a unit’s figures: the sentence opening on it, through its semicolons, and its part in a list", () => {
  test("收入…；支出…, both of the unit the sentence opens on: not the department’s", () => {
    expect(
      told([
        "2024年收入预算1000.00万元。某某局所属某某中心2024年收入预算300.00万元，其中：一般公共预算拨款300.00万元；支出预算300.00万元，其中：基本支出250.00万元，项目支出50.00万元。",
      ]),
    ).toEqual([]);
  });

  test("本级 A，某某中心 B as parts of the department’s 人员经费: each a unit’s", () => {
    expect(
      told([
        "2024年人员经费700.00万元，其中：本级人员经费500.00万元，某某中心人员经费200.00万元。",
      ]),
    ).toEqual([]);
    expect(
      told([
        "2024年公用经费100.00万元，其中：本级公用经费60.00万元，所属事业单位公用经费40.00万元。",
      ]),
    ).toEqual([]);
  });

  test("…the list in a paragraph of its own under the department's 人员经费: each a unit's", () => {
    expect(
      told([
        "2024年人员经费700.00万元。",
        "其中：本级人员经费500.00万元，某某中心人员经费200.00万元。",
      ]),
    ).toEqual([]);
  });

  test("本局 is the department: its figure is still held to the table", () => {
    expect(told(["2024年本局人员经费710.00万元。"])).toEqual([
      "narrative-vs-table A2 710.00→700.00",
    ]);
  });
});

describe("a change and its rate that fit another figure of the paragraph", () => {
  test("after a 其中 item: the rate of the figure it fits, nothing said", () => {
    expect(
      told([
        "2024年机关运行经费预算100.00万元，主要用于办公费、水电费等，其中水电费20.00万元，较上年增加5.00万元，增长5.26%。",
      ]),
    ).toEqual([]);
  });

  test("a rate that fits no figure of the paragraph is still told", () => {
    expect(
      told([
        "2024年机关运行经费预算100.00万元，较上年增加5.00万元，增长6.26%。",
      ]),
    ).toEqual(["narrative-growth-rate A2 6.26→5.26"]);
  });
});

describe("a procurement table listing each purchase with its kind (采购项目 | 采购类别 | 金额)", () => {
  const purchases = () =>
    sheet(
      "政府采购预算表",
      [
        ["2024年政府采购预算表"],
        ["部门：某某局", null, "单位：万元"],
        ["采购项目", "采购类别", "合计"],
        ["合计", null, 85],
        ["办公设备采购", "货物", 35],
        ["物业管理服务", "服务", 30],
        ["法律援助服务", "服务", 20],
      ],
      { merges: ["A1:C1"] },
    );

  test("a kind’s figure is the sum of its purchases", () => {
    expect(
      told(
        ["2024年政府采购预算85.00万元，其中：货物35.00万元，服务50.00万元。"],
        [purchases()],
      ),
    ).toEqual([]);
  });

  test("a kind’s figure that is not their sum is told", () => {
    expect(
      told(
        ["2024年政府采购预算85.00万元，其中：货物35.00万元，服务55.00万元。"],
        [purchases()],
      ),
    ).toEqual(["narrative-vs-table A2 55.00→50.00"]);
  });
});
