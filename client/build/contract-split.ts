import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAst, transformWithOxc, type Plugin } from 'vite';

/**
 * Keeps zod and the contract's schemas out of pages that only use the contract's plain values.
 *
 * The client imports the server's contract (`server/src/contract/*.ts`), where each module mixes
 * plain values (`SESSION_STATUSES`, `LIMITS`, label maps, pure functions) with zod schemas built at
 * module top level. A bundler places whole modules in chunks, so the board, which needs a few
 * label lists, got the module's schemas and through them all of zod (~21 KB gzip); and it must
 * assume that building a schema has side effects, so no unused schema was ever dropped.
 *
 * For the client build this plugin splits each contract module in two:
 * - `<module>?contract-values`: the declarations that do not depend on zod, directly or through
 *   another declaration or another contract module's schema;
 * - the module itself: its schemas, importing and re-exporting the values from the first part.
 * Every schema is wrapped as `/* @__PURE__ *\/ (() => …)()`, and both parts are declared free of
 * side effects, so a schema no page uses is dropped and a page that uses only values never loads
 * zod. Building a schema touches nothing outside the value it returns (the contract registers
 * nothing globally), which is what makes this safe. The server runs the contract as written.
 */
export function contractSplit(contractDir: string): Plugin {
  const dir = path.resolve(contractDir) + path.sep;
  const isContractModule = (file: string) => file.startsWith(dir) && file.endsWith('.ts') && !file.slice(dir.length).includes(path.sep);
  const analyses = new Map<string, Promise<Analysis>>();
  const analyse: Analyse = (file, importers = []) => {
    // An import cycle cannot be resolved by waiting: the module in it is taken as all schemas.
    if (importers.includes(file)) return Promise.resolve(null);
    let analysis = analyses.get(file);
    if (!analysis) {
      analysis = analyseModule(file, [...importers, file], analyse, isContractModule);
      analyses.set(file, analysis);
    }
    return analysis;
  };

  return {
    name: 'contract-split',
    apply: 'build',
    load: {
      filter: { id: new RegExp(`${escapeRegExp(VALUES)}$`) },
      async handler(id) {
        const analysis = await analyse(id.slice(0, -VALUES.length));
        return analysis && { code: analysis.values, moduleSideEffects: false };
      },
    },
    transform: {
      filter: { id: new RegExp(`^${escapeRegExp(dir)}[^/\\\\]+\\.ts$`) },
      async handler(_code, id) {
        if (!isContractModule(id)) return null;
        const analysis = await analyse(id);
        // The module is rebuilt from its source: its old line mappings no longer apply.
        return analysis && { code: analysis.schemas, map: { mappings: '' }, moduleSideEffects: false };
      },
    },
  };
}

/** The import suffix of a contract module's zod-free part. */
const VALUES = '?contract-values';

interface Analysis {
  /** Exported names that are (or depend on) zod schemas. */
  schemaExports: Set<string>;
  /** The zod-free part, as a module. */
  values: string;
  /** The module itself: the schemas, with the values imported from and re-exported from the other part. */
  schemas: string;
}

/** A contract module's analysis; null for one in an import cycle with `importers`. */
type Analyse = (file: string, importers?: readonly string[]) => Promise<Analysis | null>;

interface Declaration {
  statement: AstNode;
  /** The top-level names it declares. */
  names: string[];
  exported: boolean;
  /** The initialiser of a `const`, to wrap in a pure IIFE when it is a schema. */
  inits: AstNode[];
}

interface Imported {
  /** The module's file, or the bare package name. */
  from: string;
  name: string;
}

/** Reads, strips of types and splits one contract module (`importers`: the chain that led here, itself last). */
async function analyseModule(file: string, importers: readonly string[], analyse: Analyse, isContractModule: (file: string) => boolean): Promise<Analysis> {
  const source = await readFile(file, 'utf8');
  const { code } = await transformWithOxc(source, file);
  const program = parseAst(code) as unknown as AstNode;

  const imports = new Map<string, Imported>();
  const importStatements: AstNode[] = [];
  const declarations: Declaration[] = [];
  const others: AstNode[] = [];
  for (const statement of children(program.body)) {
    if (statement.type === 'ImportDeclaration') {
      importStatements.push(statement);
      const from = String((statement.source as AstNode).value);
      const resolved = from.startsWith('.') ? path.resolve(path.dirname(file), from.replace(/\.js$/, '.ts')) : from;
      for (const spec of children(statement.specifiers)) {
        const local = (spec.local as AstNode).name as string;
        const name = spec.type === 'ImportSpecifier' ? (((spec.imported as AstNode).name ?? (spec.imported as AstNode).value) as string) : '*';
        imports.set(local, { from: resolved, name });
      }
      continue;
    }
    const exported = statement.type === 'ExportNamedDeclaration' && statement.declaration != null;
    const declaration = exported ? (statement.declaration as AstNode) : statement;
    if (declaration.type === 'VariableDeclaration' && declaration.kind === 'const') {
      const declarators = children(declaration.declarations);
      if (declarators.every((d) => (d.id as AstNode).type === 'Identifier')) {
        declarations.push({
          statement,
          names: declarators.map((d) => (d.id as AstNode).name as string),
          exported,
          inits: declarators.map((d) => d.init as AstNode | null).filter((init): init is AstNode => init != null),
        });
        continue;
      }
    }
    if (declaration.type === 'FunctionDeclaration' && declaration.id) {
      declarations.push({ statement, names: [(declaration.id as AstNode).name as string], exported, inits: [] });
      continue;
    }
    // Anything else (re-export lists, `let`, destructuring) stays with the schemas, where it always worked.
    others.push(statement);
  }

  // What depends on zod: its imports, another contract module's schemas, and (to a fixed point)
  // every declaration that names one of those.
  const schemaNames = new Set<string>();
  for (const [local, imported] of imports) {
    const other = isContractModule(imported.from) && imported.name !== '*' ? await analyse(imported.from, importers) : null;
    if (!other || other.schemaExports.has(imported.name)) schemaNames.add(local);
  }
  const isSchema = new Set<Declaration>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const declaration of declarations) {
      if (isSchema.has(declaration) || !namesAny(declaration.statement, schemaNames)) continue;
      isSchema.add(declaration);
      for (const name of declaration.names) schemaNames.add(name);
      changed = true;
    }
  }
  const plain = declarations.filter((d) => !isSchema.has(d));
  const plainNames = plain.flatMap((d) => d.names);
  const plainExports = plain.filter((d) => d.exported).flatMap((d) => d.names);
  const text = (node: AstNode) => code.slice(node.start, node.end);

  // The values part: its declarations (all exported, for the schemas part to import), and the
  // values of other contract modules they name.
  const valueImports = [...imports]
    .filter(([local]) => !schemaNames.has(local) && plain.some((d) => namesAny(d.statement, new Set([local]))))
    .map(([local, imported]) => `import { ${imported.name} as ${local} } from ${JSON.stringify(imported.from + VALUES)};`);
  const values = [
    ...valueImports,
    ...plain.map((d) => (d.exported ? text(d.statement) : `export ${text(d.statement)}`)),
  ].join('\n');

  const self = JSON.stringify(file + VALUES);
  const schemas = [
    ...importStatements.map(text),
    plainNames.length ? `import { ${plainNames.join(', ')} } from ${self};` : '',
    plainExports.length ? `export { ${plainExports.join(', ')} };` : '',
    ...declarations.filter((d) => isSchema.has(d)).map((d) => wrapPure(code, d)),
    ...others.map(text),
  ].join('\n');

  const schemaExports = new Set(declarations.filter((d) => isSchema.has(d) && d.exported).flatMap((d) => d.names));
  return { schemaExports, values, schemas };
}

/** The declaration's text with each initialiser that makes calls as `/* @__PURE__ *\/ (() => (init))()`. */
function wrapPure(code: string, declaration: Declaration): string {
  const { statement } = declaration;
  let out = code.slice(statement.start, statement.end);
  for (const init of [...declaration.inits].reverse()) {
    if (!makesCalls(init)) continue;
    const at = init.start - statement.start;
    const end = init.end - statement.start;
    out = `${out.slice(0, at)}/* @__PURE__ */ (() => (${out.slice(at, end)}))()${out.slice(end)}`;
  }
  return out;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function children(value: unknown): AstNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function subNodes(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

/**
 * Whether any identifier under `node` is one of `names`. Over-approximate on purpose (a property
 * key or a shadowing local counts too): a value wrongly taken for a schema only stays where it was.
 */
function namesAny(node: AstNode, names: ReadonlySet<string>): boolean {
  if (node.type === 'Identifier' && names.has(node.name as string)) return true;
  return subNodes(node).some((child) => namesAny(child, names));
}

const CALLS = new Set(['CallExpression', 'NewExpression', 'TaggedTemplateExpression']);
const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression']);

/** Whether evaluating `node` calls anything (a function's body runs later, so it does not count). */
function makesCalls(node: AstNode): boolean {
  if (CALLS.has(node.type)) return true;
  if (FUNCTIONS.has(node.type)) return false;
  return subNodes(node).some(makesCalls);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
