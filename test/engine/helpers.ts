import { parseA1, type CellValue } from "../../src/engine/grid";
import type { IndicatorRow, SourceCell } from "../../src/engine/types";

export function src(
  address: string,
  value: CellValue,
  opts: { text?: string; format?: string | null; formula?: string | null } = {},
): SourceCell {
  const p = parseA1(address);
  if (!p) throw new Error(`bad address ${address}`);
  return {
    cell: address,
    row: p.row,
    col: p.col,
    value,
    text: opts.text ?? (value === null ? "" : String(value)),
    format: opts.format ?? null,
    formula: opts.formula ?? null,
  };
}

export interface RowSpec {
  row?: number;
  name?: string;
  level1?: string;
  level2?: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  explanation?: CellValue;
  actualFormat?: string;
  actualText?: string;
}

/** An indicator row laid out as in the seed: D name, E target, F actual, G weight, H score, I explanation. */
export function indicator(spec: RowSpec): IndicatorRow {
  const r = (spec.row ?? 11) + 1;
  return {
    row: r - 1,
    level1: spec.level1 ?? "产出指标",
    level1Cell: `B${r}`,
    level2: spec.level2 ?? "数量指标",
    name: spec.name ?? "测试指标",
    nameCell: `D${r}`,
    target: src(`E${r}`, spec.target),
    targetNature: null,
    targetUnit: null,
    actual: src(`F${r}`, spec.actual, { format: spec.actualFormat ?? null, text: spec.actualText }),
    weight: src(`G${r}`, spec.weight),
    score: src(`H${r}`, spec.score),
    explanation: src(`I${r}`, spec.explanation ?? null),
  };
}
