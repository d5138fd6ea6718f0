/** VALUE_NOT_NUMERIC: 应为数字的单元格不是数字（或单位不同）. A cell that should be a number is not (or in another unit). */
import { q, type Words } from "../messages";
import { rule } from "./rule";

export type ValueNotNumericData =
  | { variant: "text"; name: string; what: string; whatEn: string; text: string }
  | { variant: "unit"; name: string; actual: string; target: string; unit: string };

/** VALUE_NOT_NUMERIC's data for a cell holding text where a number belongs. */
export function notNumeric(name: string, what: string, whatEn: string, text: string): ValueNotNumericData {
  return { variant: "text", name, what, whatEn, text };
}

const valueNotNumeric = (name: string, what: string, whatEn: string, text: string): Words => [
  `${q(name)}的${what}“${text}”不是数字；请填写数值${what === "实际完成值" ? "（与年度指标值同一计量单位）" : ""}`,
  `${name}: ${whatEn} "${text}" is not a number; enter a number${what === "实际完成值" ? " in the target's unit" : ""}.`,
];

const unitMismatch = (name: string, actual: string, target: string, unit: string): Words => [
  `${q(name)}实际完成值“${actual}”与年度指标值“${target}”计量单位不同，无法比较；请按“${unit}”填写实际完成值`,
  `${name}: actual "${actual}" is in another unit than the target "${target}"; enter it in ${unit}.`,
];

export default rule({
  code: "VALUE_NOT_NUMERIC",
  severity: "error",
  about: [
    "应为数字的单元格不是数字（或单位不同）",
    "A cell that should be a number is not (or in another unit)",
  ],
  fixable: false,
  words: (d: ValueNotNumericData) =>
    d.variant === "unit"
      ? unitMismatch(d.name, d.actual, d.target, d.unit)
      : valueNotNumeric(d.name, d.what, d.whatEn, d.text),
  check: {
    funds: (f, raise) => {
      const t = f.block.total;
      const o = { row: f.sheetRow };
      const out = [];
      if (t.weight && t.weight.state === "text")
        out.push(raise(t.weight.cell, notNumeric("预算执行", "分值", "the weight", t.weight.text), o));
      for (const [c, what, whatEn] of [
        [t.budget, "全年预算数", "the budget"],
        [t.spent, "全年执行数", "the spending"],
      ] as const)
        if (c && c.state === "text") out.push(raise(c.cell, notNumeric("预算执行", what, whatEn, c.text), o));
      if (t.rate && t.rate.state === "text")
        out.push(raise(t.rate.cell, notNumeric("预算执行", "执行率", "the execution rate", t.rate.text), o));
      if (f.declaredScore === null && t.score && t.score.state === "text")
        out.push(raise(t.score.cell, notNumeric("预算执行", "得分", "the score", t.score.text.trim()), o));
      return out;
    },
    row: ({ p, o: outcome, sheetRow }, raise) => {
      const { name, weight: w, score: s } = p;
      const o = { row: sheetRow };
      const out = [];
      if (w && w.state === "text") out.push(raise(w.cell, notNumeric(name, "分值", "the weight", w.text), o));
      if (s.state === "text") out.push(raise(s.cell, notNumeric(name, "得分", "the score", s.text), o));
      const stop = outcome.stop;
      if (stop?.why === "actual-text")
        out.push(raise(stop.cell, notNumeric(name, "实际完成值", "the actual value", p.actual.text), o));
      // 5个 against ≥1000亩 cannot be compared: the parser keeps a unit it could not convert.
      if (stop?.why === "unit")
        out.push(
          raise(
            stop.cell,
            { variant: "unit", name, actual: p.actual.text, target: p.target.text, unit: stop.unit },
            o,
          ),
        );
      return out;
    },
    total: (t, raise) =>
      t.scoreCell && t.scoreCell.state === "text"
        ? [
            raise(t.scoreCell.cell, notNumeric("总分", "得分", "the total score", t.scoreCell.text), {
              row: t.sheetRow,
            }),
          ]
        : [],
  },
  examples: [
    { variant: "text", name: "受众人数", what: "分值", whatEn: "the weight", text: "六" },
    { variant: "unit", name: "面积", actual: "5个", target: "≥1000亩", unit: "亩" },
  ],
});
