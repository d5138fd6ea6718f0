/**
 * The page WPS loads for the add-in (index.html → main.js). It puts the ribbon callbacks on
 * `window`, where ribbon.xml's onLoad / onAction / getImage attributes find them by name.
 */
import { createRibbonCallbacks, paneUrlFor, ribbonAppFrom } from "./ribbon";

/** Replaced at build time by packaging/wps/webpack.config.js: used only when the page's own address cannot give the pane's. */
declare const __ZIPING_PANE_URL__: string;

const configured = typeof __ZIPING_PANE_URL__ === "string" ? __ZIPING_PANE_URL__ : "";
const callbacks = createRibbonCallbacks(
  () => ribbonAppFrom(window),
  paneUrlFor(configured, window.location.href),
);

Object.assign(window as unknown as Record<string, unknown>, callbacks);
