/** VALUE_NOT_NUMERIC: 应为数字的单元格不是数字（或单位不同）. A cell that should be a number is not (or in another unit). */
import { say } from "../messages";
import { rule } from "./rule";

export type ValueNotNumericData =
  | { variant: "text"; name: string; what: string; whatEn: string; text: string }
  | { variant: "unit"; name: string; actual: string; target: string; unit: string };

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
      ? say.unitMismatch(d.name, d.actual, d.target, d.unit)
      : say.valueNotNumeric(d.name, d.what, d.whatEn, d.text),
  examples: [
    { variant: "text", name: "受众人数", what: "分值", whatEn: "the weight", text: "六" },
    { variant: "unit", name: "面积", actual: "5个", target: "≥1000亩", unit: "亩" },
  ],
});
