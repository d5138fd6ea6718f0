/** TARGET_UNPARSED: 年度指标值为空或无法识别. Target empty or not understood. */
import { say } from "../messages";
import { rule } from "./rule";

export type TargetUnparsedData = { name: string; text: string };

export default rule({
  code: "TARGET_UNPARSED",
  severity: "warning",
  about: ["年度指标值为空或无法识别", "Target empty or not understood"],
  fixable: false,
  words: (d: TargetUnparsedData) => say.targetUnparsed(d.name, d.text),
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
