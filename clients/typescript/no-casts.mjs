// The story must be typed by the document alone: no type assertions (`x as T`, `<T>x`), no non-null assertions
// (`x!`) and no `any` in the hand-written sources. tsc --strict cannot forbid these, so this check does.
import { readdirSync, readFileSync } from "node:fs";

const rules = [
  [/\bas\s+(?!const\b)[A-Za-z_{[(]/, "a type assertion (as)"],
  [/(^|[=(,:?&|!]|\breturn)\s*<[A-Za-z_][\w.]*>\s*[A-Za-z_(]/, "a type assertion (<T>x)"],
  [/[\w)\]]!\s*[.;,)\]]/, "a non-null assertion (!)"],
  [/\bany\b/, "any"],
];
let found = 0;
for (const file of readdirSync("src").filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))) {
  readFileSync(`src/${file}`, "utf8").split("\n").forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, "").replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
    for (const [pattern, what] of rules) {
      if (pattern.test(code)) {
        console.error(`src/${file}:${index + 1}: ${what}: ${line.trim()}`);
        found++;
      }
    }
  });
}
if (found > 0) process.exit(1);
