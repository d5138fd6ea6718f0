/** QUAL_SCORE_OUT_OF_BAND: 定性指标得分不在其档次区间内. Qualitative score outside its band. */
import { q, type Words } from "../messages";
import { fmt } from "../decimal";
import type { QualBand } from "../types";
import { bandBounds } from "../scoring/qualitative";
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

const qualOutOfBand = ({
  name,
  actual,
  band,
  lo,
  hi,
  declared,
  open,
}: {
  name: string;
  actual: string;
  band: string;
  lo: number;
  hi: number;
  declared: number;
  open: boolean;
}): Words => [
  `${q(name)}实际完成值“${actual}”属于“${band}”，得分应在${fmt(lo)}～${fmt(hi)}分${open ? "（不含上限）" : ""}之间，现为${fmt(declared)}分；请在该区间内评分`,
  `${name}: actual "${actual}" means "${band}", so the score must lie in ${fmt(lo)}–${fmt(hi)}${open ? " (upper bound excluded)" : ""}, not ${fmt(declared)}.`,
];

export default rule({
  code: "QUAL_SCORE_OUT_OF_BAND",
  severity: "error",
  about: ["定性指标得分不在其档次区间内", "Qualitative score outside its band"],
  fixable: false,
  words: (d: QualScoreOutOfBandData) => qualOutOfBand(d),
  check: {
    // Bands are exact intervals (upper bounds open but for 达成): no tolerance at their edges.
    row: ({ p, o, S, W, outOfRange, sheetRow }, raise, ctx) => {
      if (outOfRange || S === null || W === null || o.kind !== "qualitative" || !o.band) return [];
      const [lo, hi] = bandBounds(o.band, W, ctx.profile);
      if (S >= lo && S <= hi) return [];
      const data = {
        name: p.name,
        actual: p.actual.text,
        band: o.band as QualBand,
        lo,
        // Its open upper bound is shown as the bound itself.
        hi: o.band === "达成" ? hi : hi + 0.01,
        declared: S,
        open: o.band !== "达成",
      };
      return [raise(p.source.score.cell, data, { row: sheetRow })];
    },
  },
  examples: [
    { name: "群众满意", actual: "基本达成", band: "部分达成", lo: 6, hi: 8, declared: 10, open: true },
  ],
});
