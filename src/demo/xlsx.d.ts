/** The bundled sample, converted at build time by build/demo-sample-loader.js. */
declare module "demo-sample.xlsx" {
  import type { Grid } from "../engine/grid";
  const sample: {
    fileName: string;
    /** The original file, emitted beside the page (for "下载"). */
    url: string;
    grids: Grid[];
    fills: Record<string, Record<string, string>>;
  };
  export default sample;
}
