/**
 * The one rule every host uses to keep text text when writing or restoring it (Excel and WPS parse
 * a written string as typed input). Memory cells hold values, so the rule matters for the real hosts.
 */
import { needsTextPrefix, typedText } from "../../src/hosts/text-safety";
import { excelText } from "../../src/hosts/excel/cells";

describe("needsTextPrefix", () => {
  test.each([
    "TRUE",
    "false",
    " True ",
    "12",
    "-3",
    "1,234.5",
    "1e5",
    "¥100",
    "(12)",
    "100%",
    "12.5 %",
    "1/2",
    "3 1/2",
    "2021-3-1",
    "2021/3/1",
    "3/1",
    "2021年",
    "2021年3月",
    "2021年3月1日",
    "3月",
    "3月1日",
    "12:30",
    "12:30:15",
    "9:30 AM",
    "上午9:30",
    "12时30分",
    "1-Mar",
    "Mar-21",
    "March 1, 2021",
    "１２：３０",
    "５０％",
    "=A1",
    "+1",
    "-",
    "@x",
    "'引号",
  ])("%s would not stay text: it gets the prefix", (text) => {
    expect(needsTextPrefix(text)).toBe(true);
    expect(typedText(text)).toBe("'" + text);
  });

  test.each([
    "受疫情影响，进度滞后。",
    "完成率 100%，已达标",
    "2021年3月完成验收",
    "3月1日起施行新办法",
    "12:30 开会",
    "Martin",
    "true story",
    "",
  ])("%s stays as it is", (text) => {
    expect(needsTextPrefix(text)).toBe(false);
    expect(typedText(text)).toBe(text);
  });

  test("Excel's text helper is the shared rule", () => {
    for (const t of ["1/2", "2021年3月", "3月1日", "12:30", "说明"]) expect(excelText(t)).toBe(typedText(t));
  });
});
