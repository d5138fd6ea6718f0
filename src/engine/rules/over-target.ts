/** OVER_TARGET: 超额完成，需分析指标值是否偏低. Over-achieved: check whether the target was set too low. */
import { q, type Words } from "../messages";
import type { ParsedValue } from "../values";
import { fmt, pct } from "../decimal";
import { rule } from "./rule";

export type OverTargetData = { name: string; actual: string; target: string; ratio: number };

/** 1500 / 80% / 90万元: the number the ratio was computed from, without its operator. */
function quantity(p: ParsedValue): string {
  return p.kind === "number" ? `${fmt(p.value)}${p.unit ?? ""}` : "";
}

const overTarget = (name: string, actual: string, target: string, ratio: number): Words => [
  `${q(name)}实际完成值${actual}为指标值${target}的${pct(ratio, 0)}，请分析是否年初指标值设定偏低，并在偏差原因栏说明`,
  `${name}: actual ${actual} is ${pct(ratio, 0)} of the target ${target}; check whether the target was set too low and explain it.`,
];

export default rule({
  code: "OVER_TARGET",
  severity: "warning",
  about: ["超额完成，需分析指标值是否偏低", "Over-achieved: check whether the target was set too low"],
  fixable: false,
  words: (d: OverTargetData) => overTarget(d.name, d.actual, d.target, d.ratio),
  check: {
    // Only where nothing else asks for an explanation: a shortfall or a deduction says more.
    row: ({ p, o, needsFor, explained, sheetRow }, raise) =>
      needsFor === "overshoot" && !explained && o.ratio !== null
        ? [
            raise(
              p.source.actual.cell,
              {
                name: p.name,
                actual: quantity(p.actual.value),
                target: quantity(p.target.value),
                ratio: o.ratio,
              },
              { row: sheetRow },
            ),
          ]
        : [],
  },
  examples: [{ name: "受众人数", actual: "1500人", target: "1000人", ratio: 1.5 }],
});
