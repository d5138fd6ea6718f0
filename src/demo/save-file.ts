/** Hands bytes to the browser as a download named `name` (the demo's only way to give a file back). */
export function saveFile(bytes: ArrayBuffer | Uint8Array, name: string, type: string): void {
  // A copy, so that a view over a larger buffer never leaks the rest of it into the file.
  const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
  const url = URL.createObjectURL(new Blob([copy], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
