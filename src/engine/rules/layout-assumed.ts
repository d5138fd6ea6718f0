/**
 * LAYOUT_ASSUMED (info): which reading the layout chose where the table did not say, once per table and
 * kind of guess; errors are never raised on such readings, only this note.
 */
import type { LayoutAssumption } from "../types";
import type { Words } from "../messages";
import { rule } from "./rule";

function words(a: LayoutAssumption): Words {
  switch (a.kind) {
    case "funds-header-joined":
      return [
        `资金表头分两行书写，已按上下两格合读为“${a.columns.join("、")}”；如不对请把每列表头写在同一行`,
        `The funds header is split over two rows; read each column's two cells joined as "${a.columns.join(", ")}". Write each header in one row if this is wrong`,
      ];
    case "category-named":
      return a.from === "level2"
        ? [
            `一级指标“${a.label}”未写类别名称，已按其二级指标归为“${a.name}”`,
            `The 一级 label "${a.label}" names no category; taken as "${a.name}" from its 二级 indicators`,
          ]
        : [
            `一级指标“${a.label}”未写类别名称，已按位置称为“${a.name}”`,
            `The 一级 label "${a.label}" names no category; called "${a.name}" by its position`,
          ];
    case "column-order":
      return [
        `指标表头列序与常见格式不同（${a.pairs.map(([l, r]) => `“${l}”在“${r}”之前`).join("，")}），已按表头文字读取各列；如读错请调整列序`,
        `The indicator header's columns are in an unusual order (${a.pairs.map(([l, r]) => `"${l}" before "${r}"`).join(", ")}); each column was read by its header words. Reorder the columns if this is wrong`,
      ];
    case "header-guessed":
      return [
        `表头${a.columns.map((c) => `“${c.text}”（${c.cell}）`).join("、")}不是常见写法，已按${a.columns.map((c) => `“${c.reading}”`).join("、")}列读取；依赖这些列的问题只作提示（警告），请核对或改用标准表头`,
        `Header ${a.columns.map((c) => `"${c.text}" (${c.cell})`).join(", ")} is not a usual wording; read as ${a.columns.map((c) => `"${c.reading}"`).join(", ")}. Problems that depend on these columns are given as warnings only; check them or use the standard header`,
      ];
  }
}

export default rule({
  code: "LAYOUT_ASSUMED",
  severity: "info",
  about: ["表格未写明、按推断读取之处", "A reading the layout had to choose"],
  fixable: false,
  words,
  raisedBy: "engine/layout/assumed.ts, run beside the rules by rules/run.ts",
  examples: [
    { kind: "funds-header-joined", cell: "C5", columns: ["年初预算数", "全年预算数"] },
    { kind: "category-named", cell: "A12", label: "(50分)", name: "产出指标", from: "level2" },
    { kind: "category-named", cell: "A12", label: "(50分)", name: "第2个一级指标", from: "position" },
    { kind: "column-order", cell: "D6", pairs: [["实际完成值", "年度指标值"]] },
    {
      kind: "header-guessed",
      cell: "D6",
      columns: [{ cell: "D6", text: "本年度指标值", reading: "年度指标值", role: "target" }],
    },
  ],
});
