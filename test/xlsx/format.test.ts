import { formatGeneral, formatNumber, toFixedHalfUp } from "../../src/engine/number-format";

describe("formatNumber (display text like Excel)", () => {
  it.each([
    [0.78251862, "0.00%", "78.25%"],
    [0.7825, "0.00 %", "78.25 %"],
    [1, "0%", "100%"],
    [0.955, "0%", "96%"],
    [0.93, "0.0%", "93.0%"],
    [7.825186, "0.00", "7.83"],
    [1.005, "0.00", "1.01"],
    [2.675, "0.00", "2.68"],
    [-7.825, "0.00", "-7.83"],
    [1839.1, "#,##0.00", "1,839.10"],
    [1234567.891, "#,##0", "1,234,568"],
    [985.93, '0.00"万元"', "985.93万元"],
    [-5, "0.00;[Red]-0.00", "-5.00"],
    [-5, "0.00;(0.00)", "(5.00)"],
    [0, '0.00;-0.00;"-"', "-"],
    [12, "0", "12"],
    [0.5, "#.##", ".5"],
    [3, "@", "3"],
    [44561, "yyyy/m/d", "2021/12/31"],
    [44561, "yyyy-mm-dd", "2021-12-31"],
    [44561.5, "yyyy-mm-dd hh:mm", "2021-12-31 12:00"],
    [97.83, null, "97.83"],
    [97.83, "General", "97.83"],
  ])("%p with %p → %p", (v, fmt, text) => {
    expect(formatNumber(v as number, fmt as string | null)).toBe(text);
  });

  it("General keeps about ten significant digits and no binary noise", () => {
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
    expect(formatGeneral(1439.13 / 1839.1)).toBe("0.7825186232");
    expect(formatGeneral(100)).toBe("100");
    expect(formatGeneral(123456789012)).toBe("1.23457E+11");
  });

  it("rounds half away from zero on decimal digits", () => {
    expect(toFixedHalfUp(89.995, 2)).toBe("90.00");
    expect(toFixedHalfUp(7.825, 2)).toBe("7.83");
    expect(toFixedHalfUp(0.125, 2)).toBe("0.13");
  });

  it("never throws on odd formats", () => {
    for (const f of ['"unterminated', "[Red", "\\", ";;;", "0.00%%", "*"])
      expect(typeof formatNumber(1.5, f)).toBe("string");
  });
});
