/** QUAL_UNCLASSIFIED: 定性实际完成值无法归档. Qualitative actual that fits no band. */
import { q, type Words } from "../messages";
import { rule } from "./rule";

export type QualUnclassifiedData = { name: string; actual: string };

const qualUnclassified = (name: string, actual: string): Words => [
  `${q(name)}实际完成值“${actual}”无法判断为达成、部分达成或未达成；请改用“达成”“部分达成”“未达成”等表述，已暂按填报得分计算`,
  `${name}: actual "${actual}" cannot be read as achieved, partly achieved or not achieved; use one of those words. The declared score was kept.`,
];

export default rule({
  code: "QUAL_UNCLASSIFIED",
  severity: "warning",
  about: ["定性实际完成值无法归档", "Qualitative actual that fits no band"],
  fixable: false,
  words: (d: QualUnclassifiedData) => qualUnclassified(d.name, d.actual),
  check: {
    row: ({ p, o, sheetRow }, raise) =>
      o.stop?.why === "unclassified"
        ? [raise(o.stop.cell, { name: p.name, actual: p.actual.text }, { row: sheetRow })]
        : [],
  },
  examples: [{ name: "群众满意", actual: "见附件" }],
});
