/**
 * One valid and one invalid case per finding code, from constructed rows and tables (never a real
 * table's strings), in the way typescript-eslint's rule tests read: `invalid` must raise the code,
 * `valid` must not. rules-registry.test.ts fails when a code of the engine has no entry here.
 */
import { checkGrid } from "../../../src/engine/check";
import { defaultProfile } from "../../../src/engine/profiles";
import { scoreIndicator } from "../../../src/engine/rules/run";
import { parseIndicator } from "../../../src/engine/table/parse";
import type { Finding, Profile } from "../../../src/engine/types";
import type { Grid } from "../../../src/engine/grid";
import { indicator, type RowSpec } from "../helpers";
import { sampleGrid, setCell } from "../../taskpane/sample-grid";
import { INDICATOR_HEADER, makeGrid, type RowSpec as GridRow } from "../../fixtures/grids";
import { compareWithApproved, compareWithPrevious, readApprovedTargets } from "../../../src/engine/targets";
import {
  approvedGrid,
  APPROVED_ROWS,
  SELF_ROWS,
  selfTable,
  type ApprovedRow,
  type SelfRow,
} from "../../targets/builders";

const mof = defaultProfile();

/** The findings of one constructed indicator row. */
export const row = (spec: RowSpec, p: Profile = mof): Finding[] =>
  scoreIndicator(parseIndicator(indicator(spec)), p).findings;

/** The findings of the seed table with some cells changed. */
export const table = (edit: (g: Grid) => void = () => {}, p: Profile = mof): Finding[] => {
  const g = sampleGrid();
  edit(g);
  const r = checkGrid(g, p);
  if (!r.ok) throw new Error(r.reason);
  return r.report.findings;
};

const LONG = "受天气影响，施工延后一个月，已调整计划下年补齐";

export interface Case {
  valid: () => Finding[];
  invalid: () => Finding[];
}

export const CASES: Record<string, Case> = {
  WEIGHT_TOTAL: { valid: () => table(), invalid: () => table((g) => setCell(g, "G11", 8)) },
  WEIGHT_CATEGORY: { valid: () => table(), invalid: () => table((g) => setCell(g, "G12", 5)) },
  WEIGHT_SPLIT: {
    valid: () => table(),
    invalid: () =>
      table(undefined, {
        ...mof,
        defaultSplit: { 预算执行率: 10, 产出指标: 60, 效益指标: 20, 满意度指标: 10 },
      }),
  },
  SCORE_OUT_OF_RANGE: {
    valid: () => row({ target: "≥10", actual: 10, weight: 10, score: 10 }),
    invalid: () => row({ target: "≥10", actual: 10, weight: 10, score: 12 }),
  },
  SCORE_TOO_HIGH: {
    valid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: LONG }),
    invalid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 6, explanation: LONG }),
  },
  SCORE_TOO_LOW: {
    valid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: LONG }),
    invalid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 3, explanation: LONG }),
  },
  SCORE_DEDUCTION_UNEXPLAINED: {
    valid: () => row({ target: "≥1000", actual: 1000, weight: 10, score: 8, explanation: LONG }),
    invalid: () => row({ target: "≥1000", actual: 1000, weight: 10, score: 8 }),
  },
  QUAL_SCORE_OUT_OF_BAND: {
    valid: () => row({ target: "及时", actual: "及时", weight: 5, score: 5 }),
    invalid: () => row({ target: "及时", actual: "不及时", weight: 5, score: 5, explanation: LONG }),
  },
  QUAL_UNCLASSIFIED: {
    valid: () => row({ target: "及时", actual: "及时", weight: 5, score: 5 }),
    invalid: () => row({ target: "及时", actual: "见附件材料", weight: 5, score: 5 }),
  },
  VALUE_MISSING: {
    valid: () => row({ target: "≥10", actual: 10, weight: 10, score: 10 }),
    invalid: () => row({ target: "≥10", actual: 10, weight: 10, score: null }),
  },
  VALUE_NOT_NUMERIC: {
    valid: () => row({ target: "≥2", actual: 2, weight: 6, score: 6 }),
    invalid: () => row({ target: "≥2", actual: 2, weight: "六", score: 6 }),
  },
  TARGET_UNPARSED: {
    valid: () => row({ target: "≥5", actual: 5, weight: 10, score: 10 }),
    invalid: () => row({ target: null, actual: 5, weight: 10, score: 10 }),
  },
  DIRECTION_INFERRED: {
    valid: () => row({ target: "≥1000", actual: 1000, weight: 10, score: 10 }),
    invalid: () => row({ target: 1000, actual: 1000, weight: 10, score: 10 }),
  },
  OVER_TARGET: {
    valid: () => row({ target: "≥1000", actual: 1000, weight: 10, score: 10 }),
    invalid: () => row({ target: "≥1000", actual: 1500, weight: 10, score: 10 }),
  },
  EXPLANATION_MISSING: {
    valid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: LONG }),
    invalid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2 }),
  },
  EXPLANATION_TOO_SHORT: {
    valid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: LONG }),
    invalid: () => row({ target: "≥1000", actual: 700, weight: 6, score: 4.2, explanation: "天气原因" }),
  },
  FUNDS_RATE_MISMATCH: {
    valid: () => table(),
    invalid: () => table((g) => setCell(g, "G4", 0.9, "90.00 %")),
  },
  FUNDS_SCORE_MISMATCH: { valid: () => table(), invalid: () => table((g) => setCell(g, "H4", 9)) },
  FUNDS_SUBTOTAL_MISMATCH: { valid: () => table(), invalid: () => table((g) => setCell(g, "D7", 20)) },
  FUNDS_LOW_EXECUTION: {
    valid: () => table(undefined, { ...mof, execReasonBelow: 0.7 }),
    invalid: () => table(),
  },
  FUNDS_OVERSPENT: { valid: () => table(), invalid: () => table((g) => setCell(g, "E4", 2000)) },
  TOTAL_MISMATCH: { valid: () => table(), invalid: () => table((g) => setCell(g, "H27", 90)) },
  GRADE_MISMATCH: { valid: () => table(), invalid: () => table((g) => setCell(g, "I27", "等级：良")) },
  GRADE_CHANGES_ON_RECALC: {
    valid: () => table(),
    invalid: () =>
      table((g) => {
        setCell(g, "F23", 0);
        setCell(g, "F24", 0);
      }),
  },
  FUNDS_UNREAD: {
    valid: () => table(),
    // The funds header row without its money columns: the block is there, its columns are not read.
    invalid: () =>
      table((g) => {
        for (const c of ["C3", "D3", "E3", "F3", "G3", "H3"]) setCell(g, c, "说明");
      }),
  },
  TABLE_NOT_FILLED: {
    valid: () => table(),
    invalid: () =>
      table((g) => {
        for (let r = 11; r <= 26; r++) setCell(g, `H${r}`, null);
        setCell(g, "H4", null);
        setCell(g, "H27", null);
      }),
  },
  LAYOUT_ASSUMED: {
    valid: () => framed("产出指标(50分)"),
    // A 一级 label that is only its points: named from its 二级, and said so.
    invalid: () => framed("(50分)"),
  },
  TARGET_CHANGED: {
    valid: () => approvedAgainst(SELF_ROWS),
    invalid: () => approvedAgainst(swap(1, [null, null, "受益农户", "≥600户", "620户", 10, 10])),
  },
  INDICATOR_MISSING: {
    valid: () => approvedAgainst(SELF_ROWS),
    invalid: () => approvedAgainst(SELF_ROWS.filter((_r, i) => i !== 2)),
  },
  INDICATOR_ADDED: {
    valid: () => approvedAgainst(SELF_ROWS),
    invalid: () =>
      approvedAgainst([
        ...SELF_ROWS.slice(0, 4),
        [null, null, "宣传活动次数", "≥2次", "3次", 0, 0],
        ...SELF_ROWS.slice(4),
      ]),
  },
  WEIGHT_CHANGED: {
    valid: () => approvedAgainst(SELF_ROWS, true),
    invalid: () => approvedAgainst(swap(1, [null, null, "受益农户", "≥800户", "820户", 12, 12]), true),
  },
  TARGET_NOT_RAISED: {
    valid: () => compareWithPrevious(selfTable(), selfTable(), mof).findings,
    invalid: () =>
      compareWithPrevious(
        selfTable(),
        selfTable(swap(1, [null, null, "受益农户", "≥800户", "1200户", 10, 10])),
        mof,
      ).findings,
  },
};

/** A small table whose first 一级 label is `label` (LAYOUT_ASSUMED). */
function framed(label: string): Finding[] {
  const rows: GridRow[] = [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "某某项目"],
    INDICATOR_HEADER,
    [label, "数量指标", "培训人次", "≥100人次", "100人次", 30, 30, null],
    [null, "质量指标", "合格率", "≥90%", "95%", 20, 20, null],
    ["效益指标(40分)", "社会效益指标", "群众知晓率", "≥90%", "95%", 40, 40, null],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "96%", 10, 10, null],
    ["总分", null, null, null, null, 100, 100, null],
  ];
  const r = checkGrid(makeGrid("表1", rows, ["A4:A5"]), mof);
  if (!r.ok) throw new Error(r.reason);
  return r.report.findings;
}

/** SELF_ROWS with row k replaced (the targets comparisons). */
const swap = (k: number, row: SelfRow): SelfRow[] => SELF_ROWS.map((r, i) => (i === k ? row : r));

/** The 自评表 of `rows` against the approved targets of the builders (with 分值 when `weights`). */
function approvedAgainst(rows: SelfRow[], weights = false): Finding[] {
  // With 分值, the approved weights are SELF_ROWS' own.
  const rowsApproved = weights
    ? APPROVED_ROWS.map(([a, b, c, d], k): ApprovedRow => [a, b, c, d, SELF_ROWS[k][5]])
    : APPROVED_ROWS;
  const a = readApprovedTargets(approvedGrid(rowsApproved, { weights }));
  if (!a.ok) throw new Error(a.reason);
  return compareWithApproved(selfTable(rows), a.tables[0]).findings;
}
