/** DIRECTION_INFERRED: 指标值未写≥或≤，方向为推断. Direction of a target without ≥ or ≤ was inferred. */
import { say } from "../messages";
import { rule } from "./rule";

export type DirectionInferredData = { name: string; target: string; reverse: boolean };

export default rule({
  code: "DIRECTION_INFERRED",
  severity: "info",
  about: ["指标值未写≥或≤，方向为推断", "Direction of a target without ≥ or ≤ was inferred"],
  fixable: false,
  words: (d: DirectionInferredData) => say.directionInferred(d.name, d.target, d.reverse),
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
