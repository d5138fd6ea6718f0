import { evaluate, excelRound, recalculate } from "../../src/demo/recalc";
import { gridFromRows } from "../../src/engine/grid";
import type { Grid } from "../../src/engine/grid";

function grid(): Grid {
  const g = gridFromRows("表", [
    [null, null, 1839.1, 1439.13, 10, 0.7825, 7.83],
    [6, 3, "文字", null],
    [4.2, 5, 5],
    [99.5, null],
  ]);
  g.formulas = [[null, null, null, null, null, null, "=ROUND(E1*MIN(F1,1),2)"], [], [], ["=SUM(A2:C3)+G1"]];
  return g;
}

describe("evaluate", () => {
  test("the 自评表 formulas: execution rate, funds score, the total", () => {
    const g = grid();
    expect(evaluate("=IF(C1=0,0,D1/C1)", g)).toBeCloseTo(1439.13 / 1839.1, 12);
    expect(evaluate("=ROUND(E1*MIN(F1,1),2)", g)).toBe(7.83);
    // Text inside a range is ignored by SUM, as in Excel.
    expect(evaluate("=SUM(A2:C3)+G1", g)).toBeCloseTo(6 + 3 + 4.2 + 5 + 5 + 7.83, 10);
  });

  test("operators, precedence, percent, comparisons and strings", () => {
    const g = grid();
    expect(evaluate("=1+2*3^2", g)).toBe(19);
    expect(evaluate("=-(1+2)*50%", g)).toBe(-1.5);
    expect(evaluate('=IF(A2>=6,"优","良")', g)).toBe("优");
    expect(evaluate('="等级："&IF(A2<6,"优","良")', g)).toBe("等级：良");
    expect(evaluate("=MAX(A2,B2,C3)+ABS(-1)", g)).toBe(7);
    expect(evaluate("=AVERAGE(A2:B2)", g)).toBe(4.5);
  });

  test("gives up (null) instead of guessing", () => {
    const g = grid();
    expect(evaluate("=VLOOKUP(A1,B1:C3,2)", g)).toBeNull();
    expect(evaluate("=Sheet2!A1+1", g)).toBeNull();
    expect(evaluate("=C2+1", g)).toBeNull(); // text in arithmetic: #VALUE!
    expect(evaluate("=1/0", g)).toBeNull();
    expect(evaluate("=SUM(A1", g)).toBeNull();
  });

  test("ROUND is half away from zero on the decimal digits", () => {
    expect(excelRound(2.675, 2)).toBe(2.68);
    expect(excelRound(-2.5, 0)).toBe(-3);
    expect(excelRound(1.005, 2)).toBe(1.01);
    expect(excelRound(10 * 0.7825, 2)).toBe(7.83);
  });
});

describe("recalculate", () => {
  test("formulas feeding formulas settle, and only changed cells are reported", () => {
    const g = grid();
    g.values[0][4] = 5; // 分值 10 → 5: the funds score G1 and the total A4 follow
    const set = (r: number, c: number, v: unknown) => {
      g.values[r][c] = v as number;
    };
    const changed = recalculate(g, set);
    expect(changed.sort()).toEqual(["A4", "G1"]);
    expect(g.values[0][6]).toBe(3.91);
    expect(g.values[3][0]).toBe(Number((6 + 3 + 4.2 + 5 + 5 + 3.91).toPrecision(15)));
    expect(recalculate(g, set)).toEqual([]);
  });
});
