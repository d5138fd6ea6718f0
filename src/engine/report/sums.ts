/**
 * The report's figures against each other (REPORT_SUM_MISMATCH), no table needed: a total against the
 * amounts its "其中" lists, 结余 against budget − spent, and a 执行率 against the amounts stated beside it.
 * A "其中" list is often partial ("其中用于培训 30 万元"): parts above their total are always wrong, parts
 * below it only when they name a whole (a list closed by 其他…, 基本 + 项目支出) — else nothing is said.
 */
import Big from "big.js";
import type { Finding } from "../types";
import { dec, fmt } from "../decimal";
import { raise } from "../finding";
import { R } from "../rules/raise";
import type { ReportDocument, ReportParagraph } from "./document";
import { placeOf } from "./document";
import type { FigureKind, MoneyUnit, ReportFigure } from "./figures";
import { UNIT_IN_WAN, normalizeProse } from "./figures";
import type { TableFigures } from "./compare";
import { tolWan, wan } from "./compare";

const AMOUNT = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/g;
const CHANGE = /增加|减少|增长|下降|较|比上年|同比|提高|降低|增幅|减幅/;
const VAGUE = /约|近|余|超过|以上|以下|不到|不足|含|包括/;
/**
 * Parts that name a whole: a list closed by a catch-all (其他资金 / 其他收入 …), or one of the splits that are
 * whole by definition (基本支出 + 项目支出; 人员经费 + 公用经费 + 项目支出). "中央 60，省级 30" may leave out a
 * 市级 share: not whole.
 */
function wholeSplit(labels: string[]): boolean {
  if (labels.some((l) => /^其他(?:资金|收入|财政资金)?(?:来源)?$/.test(l))) return true;
  const kinds = new Set<string>(
    labels.map((l) =>
      /^基本支出$/.test(l)
        ? "basic"
        : /^项目支出$/.test(l)
          ? "project"
          : /^人员(?:经费)?(?:支出)?$/.test(l)
            ? "staff"
            : /^(?:日常)?公用(?:经费)?(?:支出)?$/.test(l)
              ? "office"
              : "?",
    ),
  );
  const is = (...k: string[]) => kinds.size === k.length && k.every((x) => kinds.has(x));
  return labels.length === kinds.size && (is("basic", "project") || is("staff", "office", "project"));
}

/** After a total of this kind, a figure of these kinds ends its list of parts ("…，结余结转 399.97 万元"). */
const STOPS: Record<string, FigureKind[]> = {
  budget: ["initial", "budget", "spent", "spentPart", "balance", "rate", "score", "investment"],
  spent: ["initial", "budget", "budgetPart", "spent", "balance", "rate", "score", "investment"],
  investment: ["initial", "budget", "spent", "balance", "rate", "score", "investment"],
};

interface Part {
  label: string;
  value: Big;
  tol: Big;
  raw: string;
}

const halfUnit = (raw: string, unit: MoneyUnit): Big => {
  const d = raw.includes(".") ? raw.length - raw.indexOf(".") - 1 : 0;
  return dec(5)
    .times(dec(10).pow(-(d + 1)))
    .times(UNIT_IN_WAN[unit]);
};

/** The paragraphs a sentence runs over from `start`: on into the next while one ends without 。！？；. */
function sentenceSpans(doc: ReportDocument, start: ReportParagraph, from: number) {
  const spans: { p: ReportParagraph; text: string; from: number; to: number }[] = [];
  let i = doc.paragraphs.indexOf(start);
  let at = from;
  while (i >= 0 && i < doc.paragraphs.length) {
    const p = doc.paragraphs[i];
    const text = normalizeProse(p.text);
    const stop = text.slice(at).search(/[。！？]/);
    spans.push({ p, text, from: at, to: stop >= 0 ? at + stop : text.length });
    if (stop >= 0 || /[；;]\s*$/.test(text) || spans.length > 2) break;
    i++;
    at = 0;
  }
  return spans;
}

/** The parts a total's "其中" lists, or null when they cannot be read with certainty. */
function partsOf(doc: ReportDocument, total: ReportFigure, figs: ReportFigure[]): Part[] | null {
  const text0 = normalizeProse(total.paragraph.text);
  const after = text0.indexOf("其中", total.offset);
  if (after < 0) return null;
  const parts: Part[] = [];
  for (const span of sentenceSpans(doc, total.paragraph, after + 2)) {
    const seg = span.text.slice(span.from, span.to);
    AMOUNT.lastIndex = 0;
    let clauseFrom = 0;
    for (let m = AMOUNT.exec(seg); m; m = AMOUNT.exec(seg)) {
      const cut = Math.max(
        ...["，", ",", "、", "；", ";", "：", ":"].map((c) => seg.lastIndexOf(c, m!.index)),
      );
      const clause = seg.slice(Math.max(cut + 1, clauseFrom), m.index);
      clauseFrom = m.index + m[0].length;
      const at = span.from + m.index;
      const fig = figs.find((f) => f.paragraph === span.p && f.offset < at && f.offset >= at - clause.length);
      if (fig && STOPS[total.kind].includes(fig.kind)) return parts;
      if (CHANGE.test(clause)) continue;
      if (VAGUE.test(clause) || /其中/.test(clause) || /[（(][^）)]*$/.test(seg.slice(0, m.index)))
        return null;
      const raw = m[1].replace(/,/g, "");
      const unit = m[2] as MoneyUnit;
      const label = clause.replace(/^(?:\s|其中|为|是|共计|[：:])+|(?:\s|为|是|共计|共|[：:])+$/g, "");
      parts.push({ label, raw, value: wan(Number(raw), unit), tol: halfUnit(raw, unit) });
    }
  }
  return parts;
}

function breakdownFindings(doc: ReportDocument, figs: ReportFigure[]): Finding[] {
  const out: Finding[] = [];
  for (const total of figs) {
    if (!total.breakdown || total.approx || !(total.kind in STOPS)) continue;
    const parts = partsOf(doc, total, figs);
    if (!parts || parts.length < 2) continue;
    const unit = total.unit as MoneyUnit;
    const whole = wan(total.value, unit);
    const sum = parts.reduce((a, p) => a.plus(p.value), new Big(0));
    const tol = parts.reduce((a, p) => a.plus(p.tol), tolWan(total));
    const over = sum.minus(whole).gt(tol);
    const under = whole.minus(sum).gt(tol) && wholeSplit(parts.map((p) => p.label));
    if (!over && !under) continue;
    const shown = parts.map((p) => `${p.label} ${p.raw}`.trim()).join(" + ");
    const f = raise(R.reportSumMismatch, "", {
      variant: "sum",
      at: placeOf(total.paragraph),
      label: total.label,
      total: `${total.raw} ${unit}`,
      parts: shown,
      sum: `${fmt(sum.div(UNIT_IN_WAN[unit]).toNumber())} ${unit}`,
    });
    f.paragraph = placeOf(total.paragraph);
    out.push(f);
  }
  return out;
}

const moneyOf = (f: ReportFigure) => wan(f.value, f.unit as MoneyUnit);

/** A 执行率 against the budget and spending stated before it in its paragraph. */
function rateFindings(figs: ReportFigure[]): Finding[] {
  const out: Finding[] = [];
  for (const rate of figs) {
    if (rate.kind !== "rate" || rate.approx) continue;
    const before = figs.filter((f) => f.paragraph === rate.paragraph && f.offset < rate.offset && !f.approx);
    const budget = before.filter((f) => f.kind === "budget").pop();
    const spent = before.filter((f) => f.kind === "spent").pop();
    if (!budget || !spent || budget.year !== rate.year || spent.year !== rate.year) continue;
    const b = moneyOf(budget);
    if (b.lte(0)) continue;
    const exact = moneyOf(spent).div(b).times(100);
    // Rounded or cut to the decimals written, and the amounts' own rounding: one unit of the last decimal.
    const unitLast = dec(10).pow(-rate.decimals);
    if (exact.minus(dec(rate.raw)).abs().lt(unitLast)) continue;
    const f = raise(R.reportSumMismatch, "", {
      variant: "rate",
      at: placeOf(rate.paragraph),
      rate: `${rate.raw}%`,
      spent: `${spent.raw} ${spent.unit}`,
      budget: `${budget.raw} ${budget.unit}`,
      exact: `${exact.round(2, Big.roundHalfUp).toFixed(2)}%`,
    });
    f.paragraph = placeOf(rate.paragraph);
    out.push(f);
  }
  return out;
}

/** 结余 against budget − spent (the report's own figures, else the table's). */
function balanceFindings(figs: ReportFigure[], t: TableFigures | null): Finding[] {
  const out: Finding[] = [];
  const firstOf = (k: FigureKind) => figs.find((f) => f.kind === k && !f.approx) ?? null;
  const budget = firstOf("budget");
  const spent = firstOf("spent");
  const b = budget ? moneyOf(budget) : t?.budget ? wan(t.budget.value, t.unit) : null;
  const s = spent ? moneyOf(spent) : t?.spent ? wan(t.spent.value, t.unit) : null;
  if (b === null || s === null) return out;
  for (const bal of figs.filter((f) => f.kind === "balance" && !f.approx)) {
    const unit = bal.unit as MoneyUnit;
    const diff = b.minus(s);
    if (
      moneyOf(bal)
        .minus(diff)
        .abs()
        .lte(tolWan(bal).plus(dec("0.005")))
    )
      continue;
    const inUnit = (x: Big) => `${fmt(x.div(UNIT_IN_WAN[unit]).toNumber())} ${unit}`;
    const f = raise(R.reportSumMismatch, "", {
      variant: "balance",
      at: placeOf(bal.paragraph),
      balance: `${bal.raw} ${unit}`,
      budget: inUnit(b),
      spent: inUnit(s),
      diff: inUnit(diff),
    });
    f.paragraph = placeOf(bal.paragraph);
    out.push(f);
  }
  return out;
}

/** Every REPORT_SUM_MISMATCH of the prose; `t` (the table) only stands in for a budget or spending not stated. */
export function compareSums(doc: ReportDocument, figs: ReportFigure[], t: TableFigures | null): Finding[] {
  // With the table's rate and amounts at hand, each stated figure is compared with its cell: a wrong rate or
  // amount is reported there once, not again as a rate that does not follow from the amounts.
  const tableHasRate = !!t?.rate && !!t.budget && !!t.spent;
  return [
    ...breakdownFindings(doc, figs),
    ...balanceFindings(figs, t),
    ...(tableHasRate ? [] : rateFindings(figs)),
  ];
}
