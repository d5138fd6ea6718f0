/** QUAL_UNCLASSIFIED: 定性实际完成值无法归档. Qualitative actual that fits no band. */
import { say } from "../messages";
import { rule } from "./rule";

export type QualUnclassifiedData = { name: string; actual: string };

export default rule({
  code: "QUAL_UNCLASSIFIED",
  severity: "warning",
  about: ["定性实际完成值无法归档", "Qualitative actual that fits no band"],
  fixable: false,
  words: (d: QualUnclassifiedData) => say.qualUnclassified(d.name, d.actual),
  check: {
    row: ({ p, o, sheetRow }, raise) =>
      o.stop?.why === "unclassified"
        ? [raise(o.stop.cell, { name: p.name, actual: p.actual.text }, { row: sheetRow })]
        : [],
  },
  examples: [{ name: "群众满意", actual: "见附件" }],
});
