/**
 * Claims the table can refute (REPORT_CLAIM_CONTRADICTED) and reasons the report gives for a low
 * 执行率. A claim is read only in its plain forms ("各项绩效指标均完成", "预算资金已全部支出"); a negated or
 * hedged sentence ("均未完成", "基本完成") is not a claim of completion.
 */
import type { Finding, IndicatorReport, SheetReport, Table } from "../types";
import type { ReportDocument, ReportParagraph } from "./document";
import { placeOf } from "./document";
import { raise } from "../finding";
import { R } from "../rules/raise";
import { pct } from "../decimal";
import { normalizeProse, type ReportFigure } from "./figures";

const INDICATORS_DONE =
  /(?:各项|所有|全部|各)?(?:绩效)?(?:目标|指标)[^。；，,！？]{0,8}?(?:均已|均|全部|都已|都|已全部|全面)(?:已经?|按期|如期|顺利)?(?:完成|达成|实现|达到|达标)/g;
const FUNDS_DONE =
  /(?:预算|资金)[^。；，,！？]{0,10}?(?:已全部|全部|均已|均|全额)(?:执行|支出|使用|用完|完成)/g;
const NEGATION = /未|没有|不|无法|尚/;
/** "其余指标均完成", "大部分指标均已完成": a claim about some, not all. */
const QUALIFIED = /其余|其他|除|以外|部分|多数|大多/;

/** Rows whose target was not met in full: a recomputed score below the weight, or a band short of 达成. */
export function missedIndicators(sr: SheetReport): IndicatorReport[] {
  return sr.indicators.filter((i) => {
    if (i.kind === "qualitative") return !!i.band && i.band !== "达成";
    if (i.kind !== "quantitative" || i.scoreComputed === null || i.weight === null) return false;
    return i.scoreComputed < i.weight - 0.005;
  });
}

function claimsIn(p: ReportParagraph, re: RegExp): string[] {
  const text = normalizeProse(p.text);
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const clause =
      text
        .slice(0, m.index)
        .split(/[，。；,;！？]/)
        .pop() ?? "";
    if (!NEGATION.test(m[0]) && !QUALIFIED.test(clause + m[0])) out.push(m[0]);
  }
  return out;
}

export function checkClaims(doc: ReportDocument, sr: SheetReport, table: Table): Finding[] {
  const out: Finding[] = [];
  const missed = missedIndicators(sr);
  // Report rows are 1-based sheet rows (report-format.md); the layout's rows are 0-based indexes.
  const actualCell = (row: number) => table.indicators.find((r) => r.row + 1 === row)?.actual.cell ?? "";
  const rate =
    sr.funds && sr.funds.budget && sr.funds.spent !== null ? sr.funds.spent / sr.funds.budget : null;
  for (const p of doc.paragraphs) {
    if (missed.length) {
      for (const claim of claimsIn(p, INDICATORS_DONE)) {
        const list = missed
          .slice(0, 5)
          .map((i) => `“${i.name}”（指标值 ${i.target}，实际完成 ${i.actual}，${actualCell(i.row)}）`)
          .join("；");
        const listEn = missed
          .slice(0, 5)
          .map((i) => `"${i.name}" (target ${i.target}, actual ${i.actual}, ${actualCell(i.row)})`)
          .join("; ");
        const more = missed.length > 5 ? ` 等` : "";
        const f = raise(
          R.reportClaimContradicted,
          actualCell(missed[0].row),
          { variant: "indicators", at: placeOf(p), claim, count: missed.length, list: list + more, listEn },
          { row: missed[0].row },
        );
        f.paragraph = placeOf(p);
        out.push(f);
      }
    }
    if (rate !== null && rate < 1 && sr.funds?.rate.cell) {
      for (const claim of claimsIn(p, FUNDS_DONE)) {
        const cell = sr.funds.rate.cell;
        const f = raise(R.reportClaimContradicted, cell, {
          variant: "funds",
          at: placeOf(p),
          claim,
          rate: pct(rate),
          cell,
        });
        f.paragraph = placeOf(p);
        out.push(f);
      }
    }
  }
  return out;
}

const REASON =
  /主要(?:是|原因|由于|因为)|原因(?:是|为|在于|主要|：|:|如下)|由于|因为|系因|受[^。，]{1,12}影响/;

/**
 * The paragraph that explains the 执行率 (low, or above 100 %): one stating the rate, the 结余 or the spending
 * (or the one after it) that gives a reason. Null when the report states the figures without a reason.
 */
export function lowExecutionReason(doc: ReportDocument, figs: ReportFigure[]): ReportParagraph | null {
  for (const fig of figs) {
    if (fig.kind !== "rate" && fig.kind !== "balance" && fig.kind !== "spent") continue;
    const i = doc.paragraphs.indexOf(fig.paragraph);
    for (const p of [doc.paragraphs[i], doc.paragraphs[i + 1]]) if (p && REASON.test(p.text)) return p;
  }
  return null;
}
