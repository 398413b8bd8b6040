/** Runes everywhere: no legacy `export let` / `$:` components. */
export default {
  compilerOptions: { runes: true },
};
