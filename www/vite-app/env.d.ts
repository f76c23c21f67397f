// Vite handles CSS imports; tell TypeScript they are modules.
declare module "*.css";
