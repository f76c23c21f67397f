// Placeholder until the painter lands: declines, so the core paints as before.
export function paintFirstView() {
  return false;
}
