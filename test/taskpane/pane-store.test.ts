/**
 * The pane's working state without React or a DOM: PaneStore on the memory host, read through
 * subscribe/getSnapshot as useSyncExternalStore does.
 */
import { correctionEdits, corrections, explanationEdit, getProfile } from "../../src/engine";
import type { Host } from "../../src/hosts/host";
import { MemoryHost } from "../../src/hosts/memory";
import { ExcelHost } from "../../src/hosts/excel";
import { WpsHost } from "../../src/hosts/wps";
import { MockWorkbook } from "../hosts/excel-mock";
import { FakeEt } from "../fakes/et";
import { EDIT_MODE_RETRY_MS, PaneStore } from "../../src/taskpane/store/pane-store";
import { HostError } from "../../src/hosts/host";
import { NOTES_SETTING } from "../../src/taskpane/store/store-helpers";
import { SAMPLE_SHEET, otherGrid, sampleGrid, setCell } from "./sample-grid";

function faultyGrid() {
  const g = sampleGrid();
  setCell(g, "F11", 1);
  return g;
}

async function started(host: Host, opts = {}) {
  const store = new PaneStore(host, getProfile("mof-2020") ?? undefined, { debounceMs: 10, ...opts });
  const seen: number[] = [];
  store.subscribe(() => seen.push(store.getSnapshot().checks));
  store.start();
  await store.idle();
  return { store, seen };
}

describe("PaneStore", () => {
  test("checks at once on start; snapshots are replaced, never mutated, and listeners hear each change", async () => {
    const host = new MemoryHost([sampleGrid()]);
    const at = new Date(2024, 0, 2, 9, 30, 5);
    const { store, seen } = await started(host, { now: () => at });
    const snap = store.getSnapshot();
    expect(snap.state.status).toBe("ready");
    expect(snap.state.report?.total.declared).toBe(97.83);
    expect(snap.checkedAt).toBe(at);
    expect(snap.checks).toBe(1);
    expect(snap.busy).toBe(false);
    expect(seen.length).toBeGreaterThan(1);
    // The same object until something changes (useSyncExternalStore relies on it).
    expect(store.getSnapshot()).toBe(snap);
    await store.recheck();
    expect(store.getSnapshot()).not.toBe(snap);
    expect(store.getSnapshot().checks).toBe(2);
    expect(snap.checks).toBe(1);
    store.dispose();
  });

  test("a write re-checks, joins the undo history and is undone exactly", async () => {
    const host = new MemoryHost([faultyGrid()], { fills: { [SAMPLE_SHEET]: { H11: "#DDEEFF" } } });
    const { store } = await started(host);
    const report = store.getSnapshot().state.report!;
    const fix = corrections(report).filter((c) => c.cell === "H11");
    const out = await store.write(correctionEdits(fix));
    expect(out.result?.ok).toBe(true);
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(3);
    expect(store.getSnapshot().undoDepth).toBe(1);
    expect(store.getSnapshot().state.report!.findings.some((f) => f.cell === "H11")).toBe(false);
    await expect(store.undoLast()).resolves.toBe(true);
    expect(host.grid(SAMPLE_SHEET).values[10][7]).toBe(6);
    expect(host.fill(SAMPLE_SHEET, "H11")).toBe("#DDEEFF");
    expect(store.getSnapshot().undoDepth).toBe(0);
    await expect(store.undoLast()).resolves.toBe(false);
    store.dispose();
  });

  test("highlights come off before a write (the undo record holds the cell's own fill) and go back on", async () => {
    const host = new MemoryHost([faultyGrid()], { fills: { [SAMPLE_SHEET]: { I11: "#C6EFCE" } } });
    const { store } = await started(host);
    await store.setHighlights(true);
    expect(store.getSnapshot().highlightsOn).toBe(true);
    expect(host.fill(SAMPLE_SHEET, "I11")).not.toBe("#C6EFCE");
    const edit = explanationEdit(
      store.getSnapshot().state.report!,
      10,
      "偏差原因：天气；改进措施：提前安排。",
    )!;
    await store.write([edit]);
    await store.undoLast();
    // The explanation's own fill is back under the redrawn highlight; off: the original fill.
    await store.setHighlights(false);
    expect(host.fill(SAMPLE_SHEET, "I11")).toBe("#C6EFCE");
    expect(host.grid(SAMPLE_SHEET).values[10][8]).toBeNull();
    store.dispose();
  });

  test("a user's edit makes the report stale until the debounced re-check", async () => {
    const host = new MemoryHost([sampleGrid()]);
    const { store } = await started(host);
    host.setCell(SAMPLE_SHEET, "H27", 90);
    expect(store.getSnapshot().stale).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    await store.idle();
    expect(store.getSnapshot().stale).toBe(false);
    expect(store.getSnapshot().state.report!.findings.map((f) => f.code)).toContain("TOTAL_MISMATCH");
    store.dispose();
  });

  test("a sheet that cannot be read clears the previous result", async () => {
    const host = new MemoryHost([sampleGrid(), otherGrid()]);
    const { store } = await started(host);
    expect(store.getSnapshot().state.report).not.toBeNull();
    jest.spyOn(host, "read").mockRejectedValueOnce(new Error("文件已损坏"));
    await store.recheck();
    const s = store.getSnapshot().state;
    expect(s.status).toBe("failed");
    expect(s.report).toBeNull();
    expect(store.control.report()).toBeNull();
    store.dispose();
  });

  test("a read refused in cell-edit mode keeps the result, stale, and reads again later", async () => {
    const host = new MemoryHost([sampleGrid()]);
    const { store } = await started(host);
    const checks = store.getSnapshot().checks;
    const refused = new HostError("read", { reason: "edit-mode", sheet: SAMPLE_SHEET, cells: [] });
    const read = jest.spyOn(host, "read").mockRejectedValueOnce(refused);
    await store.recheck();
    const s = store.getSnapshot();
    expect(s.state.status).toBe("ready");
    expect(s.state.report?.total.declared).toBe(97.83);
    expect(s.stale).toBe(true);
    // The retry comes by itself, once Excel lets go of the cell.
    await new Promise((r) => setTimeout(r, EDIT_MODE_RETRY_MS + 200));
    await store.idle();
    expect(read).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot().checks).toBe(checks + 1);
    expect(store.getSnapshot().stale).toBe(false);
    store.dispose();
  });

  test("marks kept with the workbook: a new store on the same host reads them back", async () => {
    const host = new MemoryHost([sampleGrid()]);
    const { store } = await started(host);
    await store.markExplained("自评表!FUNDS_LOW_EXECUTION@G4", true);
    expect(store.getSnapshot().notes.has("自评表!FUNDS_LOW_EXECUTION@G4")).toBe(true);
    expect(await host.getSetting(NOTES_SETTING)).toBe('["自评表!FUNDS_LOW_EXECUTION@G4"]');
    store.dispose();
    const again = await started(host);
    expect([...again.store.getSnapshot().notes]).toEqual(["自评表!FUNDS_LOW_EXECUTION@G4"]);
    await again.store.markExplained("自评表!FUNDS_LOW_EXECUTION@G4", false);
    expect(await host.getSetting(NOTES_SETTING)).toBeNull();
    again.store.dispose();
  });

  test("marks kept by Excel (document settings) and WPS (document properties): a new pane reads them back", async () => {
    const wb = new MockWorkbook([{ grid: sampleGrid() }], { api: "1.14" });
    const et = new FakeEt([sampleGrid()]);
    const KEY = "自评表!FUNDS_LOW_EXECUTION@G4";
    for (const open of [() => new ExcelHost(wb.excelApi()), () => new WpsHost(et.app as never)]) {
      const { store } = await started(open());
      expect(store.getSnapshot().notesKept).toBe(true);
      await store.markExplained(KEY, true);
      store.dispose();
      const again = await started(open());
      expect([...again.store.getSnapshot().notes]).toEqual([KEY]);
      again.store.dispose();
    }
  });

  test("without document settings, or when saving fails, the mark lasts the session and says so", async () => {
    const KEY = "自评表!FUNDS_LOW_EXECUTION@G4";
    const plain = await started(
      // Below ExcelApi 1.7 (no custom document properties) marks need document settings.
      new ExcelHost(
        new MockWorkbook([{ grid: sampleGrid() }], { api: "1.6", documentSettings: false }).excelApi(),
      ),
    );
    expect(plain.store.getSnapshot().notesKept).toBe(false);
    await plain.store.markExplained(KEY, true);
    expect(plain.store.getSnapshot().notes.has(KEY)).toBe(true);
    plain.store.dispose();

    const wb = new MockWorkbook([{ grid: sampleGrid() }], { api: "1.6" });
    wb.settingsSaveFails = true;
    const { store } = await started(new ExcelHost(wb.excelApi()));
    expect(store.getSnapshot().notesKept).toBe(true);
    await store.markExplained(KEY, true);
    expect(store.getSnapshot().notesKept).toBe(false);
    await store.recheck(); // the re-check does not drop the session's mark for the workbook's (none)
    expect(store.getSnapshot().notes.has(KEY)).toBe(true);
    store.dispose();
  });

  test("dispose takes the highlights off after the work in flight", async () => {
    const host = new MemoryHost([sampleGrid()], { fills: { [SAMPLE_SHEET]: { G4: "#DDEEFF" } } });
    const { store } = await started(host);
    await store.setHighlights(true);
    expect(host.fill(SAMPLE_SHEET, "G4")).not.toBe("#DDEEFF");
    store.dispose();
    await store.idle();
    expect(host.fill(SAMPLE_SHEET, "G4")).toBe("#DDEEFF");
  });
});
