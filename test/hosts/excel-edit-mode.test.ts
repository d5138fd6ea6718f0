/**
 * Excel's cell edit mode, where it differs by client (the shared behaviour is in contract.test.ts):
 * reads ask Excel to wait (delayForCellEdit); a client that predates that option fails the batch
 * with InvalidOperationInCellEditMode or InvalidOperation, which a read reports as "edit-mode"
 * (retry later), never as a failed read that would clear the pane's report.
 */
import type { Grid } from "../../src/engine/grid";
import { ExcelHost } from "../../src/hosts/excel";
import { HostError } from "../../src/hosts/host";
import { MockWorkbook } from "./excel-mock";

const S = "自评表";
const grid = (): Grid => ({
  name: S,
  values: [
    ["指标", "得分", "说明"],
    ["甲", 8, null],
  ],
  merges: [],
});

describe("Excel cell edit mode", () => {
  test("reads ask Excel to wait out cell edit mode; writes do not", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.14" });
    const host = new ExcelHost(wb.excelApi(), { now: () => 0 });
    await host.read(S);
    expect(wb.runs).toEqual([{ delayForCellEdit: true }]);
    await host.apply(S, [{ kind: "value", cell: "C2", value: "说明", purpose: "explanation" }]);
    // A write the user asked for must answer now (refused in edit mode), not hang until Enter.
    expect(wb.runs[1]).toEqual({ delayForCellEdit: false });
  });

  test("a read that waited costs no extra sync", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.14" });
    const host = new ExcelHost(wb.excelApi(), { now: () => 0 });
    wb.startEdit();
    const reading = host.read(S);
    await new Promise((r) => setTimeout(r, 5));
    expect(wb.syncs).toBe(0);
    wb.endEdit();
    await reading;
    expect(wb.syncs).toBe(1);
    expect(wb.delayedSyncs).toBe(1);
  });

  test.each(["InvalidOperationInCellEditMode", "InvalidOperation"] as const)(
    "a client that ignores delayForCellEdit: %s on read is edit-mode (retry later), and the next read works",
    async (code) => {
      const wb = new MockWorkbook([{ grid: grid() }], { api: "1.14", ignoresDelayForCellEdit: true });
      const host = new ExcelHost(wb.excelApi(), { now: () => 0 });
      wb.startEdit(code);
      const e = await host.read(S).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HostError);
      expect(e).toMatchObject({ during: "read", reason: "edit-mode", sheet: S });
      expect(wb.failures).toEqual([code]);
      wb.endEdit();
      const r = await host.read(S);
      expect(r.grid.values[1][1]).toBe(8);
    },
  );

  test("a plain InvalidOperation on a write is not worded as edit mode", async () => {
    const wb = new MockWorkbook([{ grid: grid() }], { api: "1.14", ignoresDelayForCellEdit: true });
    const host = new ExcelHost(wb.excelApi(), { now: () => 0 });
    await host.read(S);
    wb.startEdit("InvalidOperation");
    const res = await host.apply(S, [{ kind: "value", cell: "C2", value: "说明", purpose: "explanation" }]);
    expect(res.ok).toBe(false);
    expect(res).not.toMatchObject({ reason: "edit-mode" });
    expect(wb.value(S, "C2")).toBeNull();
  });
});
