import fs from "node:fs";
import path from "node:path";

/*
 * lib/ folders form a directed graph by their imports ("@/lib/<folder>/…"). This rule reports an import from
 * lib/A to lib/B when lib/B already reaches lib/A — an import that closes (or sits on) a cycle between folders.
 * The graph is read once per lint run from the files on disk (a regex over import statements: cheap, and
 * type-only imports count too, since a cycle of types still ties two domains together).
 *
 * KNOWN lists edges that sit on cycles today, each with the change that removes it; an edge not listed there
 * fails lint, so no new cycle can land. Remove an entry when its cycle is gone.
 */
const KNOWN = new Map([
  // The notification sweep lives in lib/notifications/mutations.ts next to notify() and reads dependencies and
  // business time; it moves out in issue 10 (scale), which leaves notifications depending on nothing here.
  ["notifications->dependencies", "sweep moves out of lib/notifications (issue 10)"],
  ["notifications->services", "sweep moves out of lib/notifications (issue 10)"],
  // The Jira CSV format (lib/import/jira.ts) is read by the backlog and portfolio exports; it moves to lib/csv
  // with the Jira import rework (issue 13).
  ["backlog->import", "Jira CSV format moves to lib/csv (issue 13)"],
  ["portfolio->import", "Jira CSV format moves to lib/csv (issue 13)"],
  // Kanban WIP rules (lib/portfolio/kanban.ts, pure) are applied by backlog mutations; they belong in lib/backlog.
  ["backlog->portfolio", "kanban WIP rules move into lib/backlog"],
]);

const IMPORT = /(?:import|export)[^'"]*?from\s+["']@\/lib\/([a-z0-9-]+)\//g;
let cache = null;

/** The import graph between lib folders, less the KNOWN edges (so only a new cycle is reported). */
function readGraph(root) {
  if (cache && cache.root === root) return cache.graph;
  const graph = new Map();
  const libDir = path.join(root, "lib");
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const from = path.relative(libDir, full).split(path.sep)[0];
        if (!from || from === entry.name) continue;
        const text = fs.readFileSync(full, "utf8");
        for (const match of text.matchAll(IMPORT)) {
          const to = match[1];
          if (to === from || KNOWN.has(`${from}->${to}`)) continue;
          if (!graph.has(from)) graph.set(from, new Set());
          graph.get(from).add(to);
        }
      }
    }
  };
  if (fs.existsSync(libDir)) walk(libDir);
  cache = { root, graph };
  return graph;
}

/** Does `start` reach `goal` through the graph? */
function reaches(graph, start, goal) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift();
    if (node === goal) return true;
    for (const next of graph.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

const noLibCycles = {
  meta: {
    type: "problem",
    docs: { description: "Forbid imports that make a cycle between lib/ folders" },
    messages: {
      cycle: "lib/{{from}} imports lib/{{to}}, and lib/{{to}} already depends on lib/{{from}}: a cycle between lib folders. Move the shared part into its own folder (or into the one that owns it).",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd ?? process.cwd();
    const file = path.relative(path.join(root, "lib"), context.filename);
    const from = file.startsWith("..") ? null : file.split(path.sep)[0];
    if (!from || from === file) return {};
    return {
      ImportDeclaration(node) {
        const source = String(node.source.value);
        const match = /^@\/lib\/([a-z0-9-]+)\//.exec(source);
        if (!match) return;
        const to = match[1];
        if (to === from || KNOWN.has(`${from}->${to}`)) return;
        if (reaches(readGraph(root), to, from)) context.report({ node, messageId: "cycle", data: { from, to } });
      },
    };
  },
};

export default noLibCycles;
