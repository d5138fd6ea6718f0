/** TARGET_UNPARSED: 年度指标值为空或无法识别. Target empty or not understood. */
import { q, type Words } from "../messages";
import { rule } from "./rule";

export type TargetUnparsedData = { name: string; text: string };

const targetUnparsed = (name: string, text: string): Words =>
  text === ""
    ? [
        `${q(name)}年度指标值为空，无法计算得分；请填写年度指标值，已暂按填报得分计算`,
        `${name}: the target is empty, so the score cannot be recomputed; the declared score was kept.`,
      ]
    : [
        `${q(name)}年度指标值“${text}”无法识别；请写成如“≥95%”“≤15天”“及时”的形式，已暂按填报得分计算`,
        `${name}: target "${text}" cannot be understood; write it like "≥95%", "≤15天" or "及时". The declared score was kept.`,
      ];

export default rule({
  code: "TARGET_UNPARSED",
  severity: "warning",
  about: ["年度指标值为空或无法识别", "Target empty or not understood"],
  fixable: false,
  words: (d: TargetUnparsedData) => targetUnparsed(d.name, d.text),
  check: {
    row: ({ p, o, sheetRow }, raise) =>
      o.stop?.why === "target"
        ? [raise(o.stop.cell, { name: p.name, text: o.stop.text }, { row: sheetRow })]
        : [],
  },
  examples: [
    { name: "受众人数", text: "" },
    { name: "受众人数", text: "见方案" },
  ],
});
