/** SheetJS' core build (no code-page tables) has the same API as the package's main entry. */
declare module "@e965/xlsx/dist/xlsx.core.min.js" {
  export * from "@e965/xlsx";
}
