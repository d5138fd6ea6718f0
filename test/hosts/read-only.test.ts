/** The read-only host (a Word document's tables): reads through, refuses every write before it lands. */
import { MemoryHost } from "../../src/hosts/memory";
import { ReadOnlyHost } from "../../src/hosts/read-only";
import { HostError } from "../../src/hosts/host";
import type { Host } from "../../src/hosts/host";
import { sampleGrid } from "../taskpane/sample-grid";

function setup() {
  const memory = new MemoryHost([sampleGrid()]);
  const host = new ReadOnlyHost(memory, "word-document");
  return { memory, host, sheet: memory.activeSheet() };
}

test("reads, selects and follows changes through the host it wraps", async () => {
  const { memory, host, sheet } = setup();
  expect(host.kind).toBe("memory");
  expect(host.capabilities).toMatchObject({ readOnly: "word-document", restoreFills: false });
  expect((await host.read()).grid).toEqual((await memory.read()).grid);
  await host.select(sheet, "G4");
  expect(memory.selection()).toEqual({ sheet, cell: "G4" });
  const seen: string[] = [];
  const off = host.onChange((s) => seen.push(s));
  memory.setCell(sheet, "A1", "x");
  off();
  expect(seen).toEqual([sheet]);
});

test("apply is refused as read-only, naming the cells, and nothing is written", async () => {
  const { memory, host, sheet } = setup();
  const before = JSON.stringify(memory.grid(sheet));
  const res = await host.apply(sheet, [
    { kind: "value", cell: "H11", value: 3, purpose: "score" },
    { kind: "fill", cell: "H11", color: "#FFC7CE", purpose: "highlight" },
  ]);
  expect(res).toEqual({ ok: false, reason: "read-only", sheet, cells: ["H11"] });
  expect(JSON.stringify(memory.grid(sheet))).toBe(before);
});

test("undo throws a read-only HostError; no export, no document settings", async () => {
  const { host: readOnly, sheet } = setup();
  const host: Host = readOnly;
  const err = await host
    .undo({ sheet, entries: [{ cell: "H11", value: 1, formula: null, fill: null, fillKnown: true }] })
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err).toMatchObject({ reason: "read-only", during: "undo", cells: ["H11"] });
  expect(host.addSheet).toBeUndefined();
  expect(host.getSetting).toBeUndefined();
  expect(host.setSetting).toBeUndefined();
});

test("annotate is the document's, when given", () => {
  const memory = new MemoryHost([sampleGrid()]);
  const annotate = jest.fn(() => ({ report: null, notes: ["n"] }));
  expect(new ReadOnlyHost(memory, "word-document", { annotate }).annotate).toBe(annotate);
  expect(new ReadOnlyHost(memory, "word-document").annotate).toBeUndefined();
});
