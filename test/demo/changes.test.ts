import { Workbook } from "exceljs";
import { diffWorkbook } from "../../src/demo/changes";
import { DemoHost } from "../../src/demo/demo-host";
import { applyChanges, fillsOf } from "../../src/demo/workbook-io";
import { MemoryHost } from "../../src/hosts/memory";
import { readWorkbook } from "../../src/xlsx/read";

/** A small workbook with what must survive a download: a merge, a number format, a fill, a formula, a second sheet. */
async function original(): Promise<ArrayBuffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "2021 年度自评表";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = 6;
  ws.getCell("B2").value = 4;
  ws.getCell("C2").value = { formula: "SUM(A2:B2)", result: 10 };
  ws.getCell("C2").numFmt = "0.00";
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getColumn(1).width = 30;
  wb.addWorksheet("说明").getCell("A1").value = "填表说明";
  const buf = await wb.xlsx.writeBuffer();
  return buf as unknown as ArrayBuffer;
}

async function load(bytes: ArrayBuffer) {
  const wb = new Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

test("a download writes exactly the user's changes into the original workbook, and undo drops them", async () => {
  const bytes = await original();
  const opened = { grids: await readWorkbook(bytes), fills: fillsOf(await load(bytes)) };
  expect(opened.fills["自评表"]).toEqual({ A3: "#00B050" });

  const host = new DemoHost(new MemoryHost(opened.grids, { fills: opened.fills }));
  expect(diffWorkbook(opened, host.memory)).toEqual({ sheets: [], added: [] });

  const res = await host.apply("自评表", [
    { kind: "value", cell: "B2", value: 2, purpose: "score" },
    { kind: "value", cell: "D3", value: "已说明原因", purpose: "explanation" },
    { kind: "fill", cell: "A3", color: "#FFC7CE", purpose: "highlight" },
  ] as never);
  expect(res.ok).toBe(true);
  // The formula recalculated, as a spreadsheet would.
  expect(host.grid("自评表").values[1][2]).toBe(8);

  const changes = diffWorkbook(opened, host.memory);
  expect(changes.sheets).toHaveLength(1);
  expect(changes.sheets[0].values).toEqual(
    expect.arrayContaining([
      { cell: "B2", value: 2, keepsFormula: false },
      { cell: "C2", value: 8, keepsFormula: true },
      { cell: "D3", value: "已说明原因", keepsFormula: false },
    ]),
  );
  expect(changes.sheets[0].values).toHaveLength(3);
  expect(changes.sheets[0].fills).toEqual([{ cell: "A3", color: "#FFC7CE" }]);

  const wb = await load(bytes);
  applyChanges(wb, changes);
  const saved = await load((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
  const ws = saved.getWorksheet("自评表")!;
  expect(ws.getCell("B2").value).toBe(2);
  expect(ws.getCell("D3").value).toBe("已说明原因");
  expect(ws.getCell("C2").value).toEqual({ formula: "SUM(A2:B2)", result: 8 });
  expect(ws.getCell("C2").numFmt).toBe("0.00");
  expect(ws.getCell("A3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
  expect(ws.model.merges).toContain("A1:C1");
  expect(ws.getColumn(1).width).toBe(30);
  expect(saved.getWorksheet("说明")!.getCell("A1").value).toBe("填表说明");

  if (res.ok) await host.undo(res.undo);
  expect(host.grid("自评表").values[1][2]).toBe(10);
  expect(diffWorkbook(opened, host.memory)).toEqual({ sheets: [], added: [] });
});

test("sheets added by the pane are written as new worksheets", async () => {
  const bytes = await original();
  const opened = { grids: await readWorkbook(bytes), fills: {} };
  const host = new DemoHost(new MemoryHost(opened.grids));
  await host.addSheet("校验结果", [
    ["序号", "问题"],
    [1, "总分不符"],
  ]);
  const changes = diffWorkbook(opened, host.memory);
  expect(changes.added).toEqual([
    {
      name: "校验结果",
      rows: [
        ["序号", "问题"],
        [1, "总分不符"],
      ],
    },
  ]);
  const wb = await load(bytes);
  applyChanges(wb, changes);
  expect(wb.getWorksheet("校验结果")!.getCell("B2").value).toBe("总分不符");
});

test("taking highlights off (an undo record of fills) keeps the cells' display text", async () => {
  const bytes = await original();
  const grids = await readWorkbook(bytes);
  grids[0].text![1][2] = "10.00 分"; // a display text the memory host could not re-create from the format
  const host = new DemoHost(new MemoryHost(grids));
  const res = await host.apply("自评表", [
    { kind: "fill", cell: "C2", color: "#FFEB9C", purpose: "highlight" },
  ] as never);
  if (!res.ok) throw new Error(res.reason);
  // What usePane does: restore fills, with the values as they are now.
  await host.undo({ sheet: "自评表", entries: res.undo.entries.map((e) => ({ ...e, value: 10 })) });
  expect(host.grid("自评表").text![1][2]).toBe("10.00 分");
  expect(host.fill("自评表", "C2")).toBeNull();
});
