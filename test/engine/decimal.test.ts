import { fmt, pct, round2, within } from "../../src/engine/decimal";
import { defaultProfile, getProfile, gradeOf } from "../../src/engine/profiles";
import type { Profile } from "../../src/engine/types";

describe("decimal arithmetic", () => {
  test("half-up where binary floating point would round down", () => {
    expect(round2(7.825)).toBe(7.83);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(89.995)).toBe(90);
    expect(round2(2.675)).toBe(2.68);
  });

  test("the seed's funds figures", () => {
    expect(pct(1439.13 / 1839.1)).toBe("78.25%");
    expect(within(0.1 + 0.2, 0.3, 0)).toBe(true);
  });

  test("fmt prints at most two decimals without trailing zeros", () => {
    expect(fmt(10)).toBe("10");
    expect(fmt(7.2)).toBe("7.2");
    expect(fmt(7.825)).toBe("7.83");
    expect(fmt(null)).toBe("—");
  });

  test("grades: lower bound inclusive, the total rounded first", () => {
    const p = defaultProfile();
    expect(gradeOf(89.995, p)).toBe("优");
    expect(gradeOf(89.994, p)).toBe("良");
    expect(gradeOf(80, p)).toBe("良");
    expect(gradeOf(59.99, p)).toBe("差");
    const four = getProfile("four-band") as Profile;
    expect(gradeOf(95, four)).toBe("好");
    expect(gradeOf(94.99, four)).toBe("较好");
  });
});
