/** DIRECTION_INFERRED: 指标值未写≥或≤，方向为推断. Direction of a target without ≥ or ≤ was inferred. */
import { q, type Words } from "../messages";
import { rule } from "./rule";

export type DirectionInferredData = { name: string; target: string; reverse: boolean };

const directionInferred = (name: string, target: string, reverse: boolean): Words => [
  `${q(name)}年度指标值“${target}”未写≥或≤，已按${reverse ? "越小越好（≤）" : "越大越好（≥）"}计算；如不对请在指标值前加上≥或≤`,
  `${name}: target "${target}" has no ≥ or ≤; it was read as ${reverse ? "lower is better (≤)" : "higher is better (≥)"}. Add ≥ or ≤ if that is wrong.`,
];

export default rule({
  code: "DIRECTION_INFERRED",
  severity: "info",
  about: ["指标值未写≥或≤，方向为推断", "Direction of a target without ≥ or ≤ was inferred"],
  fixable: false,
  words: (d: DirectionInferredData) => directionInferred(d.name, d.target, d.reverse),
  check: {
    row: ({ p, o, sheetRow }, raise) =>
      o.directionInferred
        ? [
            raise(
              p.source.target.cell,
              { name: p.name, target: p.target.text, reverse: o.direction === "reverse" },
              { row: sheetRow },
            ),
          ]
        : [],
  },
  examples: [
    { name: "投诉率", target: "5%", reverse: true },
    { name: "受众人数", target: "1000", reverse: false },
  ],
});
