/**
 * A module that imports every entry point, for tsc to resolve each one's types under a setup: as
 * ESM (`.ts` in the ESM project) or as CommonJS (`.cts`, compiled to `require`, which picks the
 * `require` condition's `.d.cts`). A subpath a setup cannot resolve fails with TS2307.
 */
export function entryPointImports(entryPoints: readonly string[]): string {
  const imports = entryPoints.map((specifier, index) => `import * as entry${index} from '${specifier}'`)
  const uses = entryPoints.map((_specifier, index) => `entry${index}`)
  return `${imports.join('\n')}\n\nexport const entryPoints = [${uses.join(', ')}]\n`
}
