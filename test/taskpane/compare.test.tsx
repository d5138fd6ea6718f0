/** @jest-environment jsdom */
/**
 * 对照申报表 / 对照上年 in the pane (issue 20), on the memory host: pick a sheet of the same workbook and
 * the comparison findings appear as cards; a re-check keeps them; clearing removes them; the choice is
 * kept with the workbook. Tables are built in code in the shapes published tables use.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { App } from "../../src/taskpane/App";
import { MemoryHost } from "../../src/hosts/memory";
import type { Grid } from "../../src/engine/grid";
import { COMPARE_SETTING } from "../../src/taskpane/store/comparison";
import { MISSING_CARD_KEY, withMissingCard } from "../../src/taskpane/model/comparison-cards";
import { buildCards } from "../../src/taskpane/model/cards";
import { shortLabel } from "../../src/taskpane/model/labels";
import { translate } from "../../src/taskpane/i18n";
import { checkGrid } from "../../src/engine";
import type { SheetReport } from "../../src/engine";
import { APPROVED_ROWS, SELF_ROWS, approvedGrid, selfGrid } from "../targets/builders";
import type { ApprovedRow, SelfRow } from "../targets/builders";
import { cardOf, installDomStubs, seenStorage, summaryShown, withCode } from "./pane-helpers";
import { otherGrid } from "./sample-grid";

beforeAll(installDomStubs);

/** This year's table: 受益农户 lowered to ≥600户 (the 申报表 says ≥800户). */
const SELF: SelfRow[] = SELF_ROWS.map((r) =>
  r[2] === "受益农户" ? [r[0], r[1], r[2], "≥600户", "820户", r[5], r[6]] : r,
);
/** The 申报表 has one more 质量指标 the 自评表 dropped. */
const APPROVED: ApprovedRow[] = [
  ...APPROVED_ROWS.slice(0, 3),
  [null, null, "工程质量达标率", "≥98%"],
  ...APPROVED_ROWS.slice(3),
];

function mount(grids: Grid[], settings: Record<string, string> = {}, lang: "zh" | "en" = "zh") {
  const host = new MemoryHost(grids, { active: "自评表", settings });
  const utils = render(<App host={host} storage={seenStorage()} initialLanguage={lang} />);
  return { host, ...utils };
}

/** Unfolds the comparison pickers (folded to one button until used). */
function openCompare(): void {
  const toggle = screen.queryByRole("button", {
    name: /^(对照申报表 \/ 对照上年|Compare with approved targets \/ last year)$/,
  });
  if (toggle?.getAttribute("aria-expanded") === "false") fireEvent.click(toggle);
}

const approvedSelect = () => {
  openCompare();
  return screen.getByRole("combobox", { name: "对照申报表" });
};

describe("对照申报表 with a sheet of the same workbook", () => {
  it("shows the findings as cards, keeps them on a re-check, removes them when cleared", async () => {
    const user = userEvent.setup();
    const { host } = mount([selfGrid(SELF), approvedGrid(APPROVED), otherGrid()]);
    await summaryShown();
    expect(withCode("TARGET_CHANGED")).toHaveLength(0);
    // The sheet being checked is never offered as its own 申报表.
    expect(within(approvedSelect()).queryByRole("option", { name: "本工作簿：自评表" })).toBeNull();

    await user.selectOptions(approvedSelect(), "申报表");
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(1));
    // On 受益农户's own card, with the words of the engine.
    const row = cardOf("受益农户");
    expect(row).toHaveAttribute("data-codes", expect.stringContaining("TARGET_CHANGED"));
    expect(row.textContent).toContain("与申报表指标值不一致");
    // The dropped indicator: a table-level card naming it and its approved target.
    const missing = document.querySelector(`[data-card-key="${MISSING_CARD_KEY}"]`)!;
    expect(missing).not.toBeNull();
    expect(missing.textContent).toContain("工程质量达标率（申报值 ≥98%）");
    expect(screen.getByText("正在对照：申报表")).toBeInTheDocument();
    // Remembered with the workbook.
    expect(JSON.parse((await host.getSetting(COMPARE_SETTING))!)).toEqual({ approved: "申报表" });

    await user.click(screen.getByRole("button", { name: "重新校验" }));
    await waitFor(() => expect(screen.queryByText(/正在校验/)).toBeNull());
    expect(withCode("TARGET_CHANGED")).toHaveLength(1);
    expect(withCode("INDICATOR_MISSING")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "取消对照" }));
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(0));
    expect(withCode("INDICATOR_MISSING")).toHaveLength(0);
    expect(await host.getSetting(COMPARE_SETTING)).toBeNull();
  });

  it("keeps the comparison after the user's own edit is re-checked", async () => {
    const { host } = mount([selfGrid(SELF), approvedGrid(APPROVED)], {
      [COMPARE_SETTING]: JSON.stringify({ approved: "申报表" }),
    });
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(1), { timeout: 5000 });
    // The user puts the approved target back: the finding goes, the missing indicator stays.
    // Its 年度指标值 is E13 (header on row 11, 受益农户 the second indicator).
    expect(cardOf("受益农户").getAttribute("data-cells")).toContain("E13");
    host.setCell("自评表", "E13", "≥800户");
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(0), { timeout: 5000 });
    expect(withCode("INDICATOR_MISSING")).toHaveLength(1);
  });

  it("refuses a sheet that is no 申报表, in words, and compares nothing", async () => {
    const user = userEvent.setup();
    const { host } = mount([selfGrid(SELF), approvedGrid(APPROVED), otherGrid()]);
    await summaryShown();
    await user.selectOptions(approvedSelect(), "说明");
    expect(await screen.findByText(/“说明”中没有可读的绩效目标表/)).toBeInTheDocument();
    expect(withCode("TARGET_CHANGED")).toHaveLength(0);
    expect(await host.getSetting(COMPARE_SETTING)).toBeNull();
  });

  it("a remembered sheet that is gone is quietly forgotten", async () => {
    mount([selfGrid(SELF)], { [COMPARE_SETTING]: JSON.stringify({ approved: "已删除" }) });
    await summaryShown();
    expect(withCode("TARGET_CHANGED")).toHaveLength(0);
    expect(screen.queryByText(/正在对照/)).toBeNull();
  });
});

describe("对照上年", () => {
  it("warns where last year's target was far exceeded and this year's is no higher", async () => {
    const user = userEvent.setup();
    // Last year: 受益农户 ≥800户 reached 1200户 (150 %); this year still ≥800户.
    const last: SelfRow[] = SELF_ROWS.map((r) =>
      r[2] === "受益农户" ? [r[0], r[1], r[2], "≥800户", "1200户", r[5], r[6]] : r,
    );
    mount([selfGrid(SELF_ROWS), selfGrid(last, undefined, "2023自评表")]);
    await summaryShown();
    openCompare();
    await user.selectOptions(screen.getByRole("combobox", { name: "对照上年" }), "2023自评表");
    await waitFor(() => expect(withCode("TARGET_NOT_RAISED")).toHaveLength(1));
    expect(cardOf("受益农户").textContent).toContain("上年超额完成，指标值未提高");
  });
});

describe("comparison cards and words", () => {
  function report(): SheetReport {
    const r = checkGrid(selfGrid(SELF));
    if (!r.ok) throw new Error(r.reason);
    return r.report;
  }

  it("moves INDICATOR_MISSING off the 分值 card onto one table-level card", () => {
    const base = report();
    const f = {
      code: "INDICATOR_MISSING" as const,
      severity: "error" as const,
      cell: "C12",
      message: "m",
      messageEn: "m",
      data: { indicator: "工程质量达标率", approvedTarget: "≥98%" },
    };
    const list = withMissingCard(
      buildCards({ ...base, findings: [...base.findings, f, { ...f, cell: "C13" }] }, []),
    );
    const cards = list.cards.filter((c) => c.findings.some((x) => x.code === "INDICATOR_MISSING"));
    expect(cards.map((c) => c.key)).toEqual([MISSING_CARD_KEY]);
    expect(cards[0].findings).toHaveLength(2);
    expect(list.cards[0].key).toBe(MISSING_CARD_KEY);
    // Without such findings the list is the same object.
    const plain = buildCards(base, []);
    expect(withMissingCard(plain)).toBe(plain);
  });

  it("has short labels for the five codes in both languages", () => {
    for (const code of [
      "TARGET_CHANGED",
      "INDICATOR_MISSING",
      "INDICATOR_ADDED",
      "WEIGHT_CHANGED",
      "TARGET_NOT_RAISED",
    ] as const) {
      expect(shortLabel(code, "zh")).toMatch(/[\u4e00-\u9fff]/);
      expect(shortLabel(code, "en")).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("has every comparison string in English", () => {
    for (const key of [
      "compareApproved",
      "comparePrevious",
      "compareNone",
      "compareOpenFile",
      "compareClear",
      "compareNotes",
    ] as const)
      expect(translate("en", key)).not.toBe(translate("zh", key));
    expect(translate("en", "compareRefusedNotTable", { name: "X" })).toBe(
      "“X” holds no readable self-evaluation table.",
    );
  });

  it("shows the pane in English with the comparison controls", async () => {
    mount([selfGrid(SELF), approvedGrid(APPROVED)], {}, "en");
    await summaryShown();
    openCompare();
    expect(
      screen.getByRole("combobox", { name: "Compare with approved targets (申报表)" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Compare with last year" })).toBeInTheDocument();
  });
});

describe("an edit of the 申报表 sheet", () => {
  it("compares again with what the sheet now says", async () => {
    const { host } = mount([selfGrid(SELF), approvedGrid(APPROVED)], {
      [COMPARE_SETTING]: JSON.stringify({ approved: "申报表" }),
    });
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(1), { timeout: 5000 });
    // The 申报表 is corrected to ≥600户 (its indicator rows start on row 8; 受益农户 is the second).
    host.setCell("申报表", "E9", "≥600户");
    await waitFor(() => expect(withCode("TARGET_CHANGED")).toHaveLength(0), { timeout: 5000 });
    expect(withCode("INDICATOR_MISSING")).toHaveLength(1);
  });
});
