/** EXPLANATION_MISSING: 未达标或扣分却没有偏差原因. A shortfall or deduction without its explanation. */
import { q, type Words } from "../messages";
import { fmt } from "../decimal";
import { rule } from "./rule";

export type ExplanationMissingData =
  | { variant: "row"; name: string; why: Words }
  | { variant: "deduction-reason"; name: string; declared: number; weight: number; column: string }
  | { variant: "reason-block"; name: string; count: number };

/** An evaluation-style table: a deduction whose reason column is blank. */
const deductionReasonMissing = (name: string, declared: number, weight: number, column: string): Words => [
  `${q(name)}得分${fmt(declared)}低于分值${fmt(weight)}，请在${column || "扣分原因"}栏写明扣分理由`,
  `${name} scores ${fmt(declared)} of ${fmt(weight)}; write the reason for the deduction in the ${column ? `${column} ` : ""}reason column.`,
];

const explanationMissing = (name: string, why: Words): Words => [
  `${q(name)}${why[0]}，须填写偏差原因分析及改进措施`,
  `${name}: ${why[1]}; the deviation needs a cause analysis and improvement measures.`,
];

const reasonBlockMissing = (name: string, count: number): Words => [
  `${q(name)}${count > 1 ? `等${count}项指标` : ""}未达到年度指标值或被扣分，但偏差原因分析栏为空；请写明原因（客观/主观）和改进措施`,
  `${name}${count > 1 ? ` and ${count - 1} more` : ""} fell short or lost points, but the reasons block under the total is empty; state the causes and the improvement measures.`,
];

export default rule({
  code: "EXPLANATION_MISSING",
  severity: "error",
  about: ["未达标或扣分却没有偏差原因", "A shortfall or deduction without its explanation"],
  fixable: false,
  words: (d: ExplanationMissingData) =>
    d.variant === "row"
      ? explanationMissing(d.name, d.why)
      : d.variant === "deduction-reason"
        ? deductionReasonMissing(d.name, d.declared, d.weight, d.column)
        : reasonBlockMissing(d.name, d.count),
  check: {
    row: (r, raise) => {
      const { p, S, W, needs, explained, deduction, explanationCell: cell, sheetRow } = r;
      if (!cell || explained) return [];
      // An evaluation table: a deduction whose reason column is blank.
      if (r.evaluation)
        return deduction && S !== null && W !== null
          ? [
              raise(
                cell,
                {
                  variant: "deduction-reason",
                  name: p.name,
                  declared: S,
                  weight: W,
                  column: p.source.explanationHeader ?? "",
                },
                { row: sheetRow },
              ),
            ]
          : [];
      // A deduction already has its own finding; a mild over-achievement has OVER_TARGET.
      if (!needs || deduction || (r.needsFor === "overshoot" && r.needSeverity === "warning")) return [];
      return [
        raise(
          cell,
          { variant: "row", name: p.name, why: needs },
          { row: sheetRow, severity: r.needSeverity },
        ),
      ];
    },
    // Templates without a reason column per row (偏差大或目标未完成原因分析 under 总分): one reason for them all.
    table: ({ parsed, rows }, raise) => {
      const offRow = rows.filter((r) => r.unexplainedOffRow).map((r) => r.report);
      if (!parsed.reasonBlock || !offRow.length || parsed.reasonBlock.value) return [];
      const name = offRow[0].name || offRow[0].level2;
      return [raise(parsed.reasonBlock.cell, { variant: "reason-block", name, count: offRow.length })];
    },
  },
  examples: [
    {
      variant: "row",
      name: "受众人数",
      why: ["实际完成值700未达到年度指标值≥1000", "actual 700 falls short of target ≥1000"],
    },
    { variant: "deduction-reason", name: "制度建设", declared: 3, weight: 5, column: "扣分原因" },
    { variant: "reason-block", name: "受众人数", count: 2 },
  ],
});
