/** OVER_TARGET: 超额完成，需分析指标值是否偏低. Over-achieved: check whether the target was set too low. */
import { say } from "../messages";
import { rule } from "./rule";

export type OverTargetData = { name: string; actual: string; target: string; ratio: number };

export default rule({
  code: "OVER_TARGET",
  severity: "warning",
  about: ["超额完成，需分析指标值是否偏低", "Over-achieved: check whether the target was set too low"],
  fixable: false,
  words: (d: OverTargetData) => say.overTarget(d.name, d.actual, d.target, d.ratio),
  examples: [{ name: "受众人数", actual: "1500人", target: "1000人", ratio: 1.5 }],
});
