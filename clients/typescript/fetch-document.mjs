// Saves the document a running server serves: node fetch-document.mjs http://127.0.0.1:5080 → openapi.json
import { writeFileSync } from "node:fs";

const baseUrl = process.argv[2] ?? "http://127.0.0.1:5080";
const response = await fetch(`${baseUrl}/openapi/v1.json`);
if (!response.ok) {
  console.error(`GET ${baseUrl}/openapi/v1.json answered ${response.status}`);
  process.exit(1);
}
writeFileSync("openapi.json", await response.text());
console.log(`saved ${baseUrl}/openapi/v1.json to openapi.json`);
