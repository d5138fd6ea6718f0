/** QUAL_SCORE_OUT_OF_BAND: 定性指标得分不在其档次区间内. Qualitative score outside its band. */
import { say } from "../messages";
import { rule } from "./rule";

export type QualScoreOutOfBandData = {
  name: string;
  actual: string;
  band: string;
  lo: number;
  hi: number;
  declared: number;
  open: boolean;
};

export default rule({
  code: "QUAL_SCORE_OUT_OF_BAND",
  severity: "error",
  about: ["定性指标得分不在其档次区间内", "Qualitative score outside its band"],
  fixable: false,
  words: (d: QualScoreOutOfBandData) => say.qualOutOfBand(d),
  examples: [
    { name: "群众满意", actual: "基本达成", band: "部分达成", lo: 6, hi: 8, declared: 10, open: true },
  ],
});
