/**
 * ET's UsedRange counts formatted-only cells: a 自评表 template bordered down to row 65536 must
 * read as the table it is, in about as many bridge calls as the plain table, not 65536 rows.
 */
import { WpsHost } from "../../src/hosts/wps";
import { FakeEt } from "../fakes/et";
import { longSheet } from "../fakes/et/long-sheet";

const S = "长表";

async function readWith(formattedTo?: { rows: number; cols: number }) {
  const grid = longSheet(S, { rows: 40 });
  const et = new FakeEt([{ grid, ...(formattedTo ? { formattedTo } : {}) }]);
  const host = new WpsHost(et.app as never, () => 0);
  et.resetCalls();
  const r = await host.read(S);
  return { grid, r, calls: et.calls };
}

describe("WPS UsedRange with formatted-only cells", () => {
  test("a template bordered to row 65536 reads as its table, in a few more calls than the plain one", async () => {
    const plain = await readWith();
    const bordered = await readWith({ rows: 65536, cols: 12 });
    expect(bordered.r.grid.values).toEqual(plain.r.grid.values);
    expect(bordered.r.grid.merges).toEqual(plain.r.grid.merges);
    expect(bordered.r.grid.values.length).toBe(plain.grid.values.length);
    expect(bordered.calls).toBeLessThanOrEqual(plain.calls + 10);
  });

  test("a whole sheet formatted and nothing in it reads as empty", async () => {
    const et = new FakeEt([
      { grid: { name: S, values: [], merges: [] }, formattedTo: { rows: 65536, cols: 256 } },
    ]);
    const r = await new WpsHost(et.app as never, () => 0).read(S);
    expect(r.grid.values.flat().filter((v) => v !== null)).toEqual([]);
  });
});
