import { parseTarget } from "../../src/engine/values";
import { targetChange } from "../../src/engine/targets";

const t = (text: string | number) => parseTarget({ value: text, text: String(text), format: null });
const change = (a: string | number, b: string | number) => targetChange(t(a), t(b));

describe("targetChange: equal when the meaning is equal", () => {
  it.each([
    ["≥95%", "≧ 95 %"],
    ["≥95%", "不低于95%"],
    ["1000亩", "1,000亩"],
    ["≥50万元", "≥500000元"],
    ["≥0.5亿元", "≥5000万元"],
    ["80-90%", "80～90%"],
    ["≥95%", "95%"],
    ["95%", "0.95"],
    ["0.95", "95%"],
    ["1%", "1"],
    ["≤10天", "10天以内"],
    ["及时", "按时完成"],
  ])("%s and %s are one target", (a, b) => {
    expect(change(a, b)).toBeNull();
  });

  it("names what changed: value, direction, unit, a number turned into words", () => {
    expect(change("≥800户", "≥600户")).toBe("value");
    expect(change("≥1000亩", "≥66.6公顷")).toBe("value");
    expect(change("≥1000亩", "≥66.6667公顷")).toBe("value");
    expect(change("≥1000亩", "≥100公顷")).toBe("value");
    expect(change("≥20万元", "≥0.2亿元")).toBe("value");
    expect(change("≥95%", "≤95%")).toBe("direction");
    expect(change("≥800户", "≥800人")).toBe("unit");
    expect(change("80-90%", "80%")).toBe("value");
    expect(change("80-90%", "80-95%")).toBe("value");
    expect(change("≥95%", "较好")).toBe("kind");
  });

  it("is silent on blank or error cells and on words approved", () => {
    expect(change("≥95%", "")).toBeNull();
    expect(change("", "≥95%")).toBeNull();
    expect(change("#N/A", "≥95%")).toBeNull();
    expect(change("有效提升", "≥5%")).toBeNull();
  });

  it("converts 公顷 to 亩 exactly (15 亩 a 公顷)", () => {
    expect(change("≥1500亩", "≥100公顷")).toBeNull();
  });
});
