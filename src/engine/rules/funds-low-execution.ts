/** FUNDS_LOW_EXECUTION: 预算执行率偏低，须说明原因. Low budget execution needs its reason. */
import { say } from "../messages";
import { rule } from "./rule";

export type FundsLowExecutionData = { rate: string; threshold: string };

export default rule({
  code: "FUNDS_LOW_EXECUTION",
  severity: "warning",
  about: ["预算执行率偏低，须说明原因", "Low budget execution needs its reason"],
  fixable: false,
  words: (d: FundsLowExecutionData) => say.fundsLowExecution(d.rate, d.threshold),
  examples: [{ rate: "78.25%", threshold: "100%" }],
});
