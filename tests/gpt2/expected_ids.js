// Test set-up: the ids GPT-2 gives each case of tokenizer_cases.json, from the JavaScript port
// of GPT-2's encoder (npm gpt-3-encoder 1.1.4, fetched by fetch_tokenizer.sh), so that the
// C++ tokeniser is checked against an encoder it shares no code with.
// Usage: node expected_ids.js ENCODER_DIR CASES_JSON OUT_JSON
// OUT_JSON: [{"text": "...", "ids": [...]}, ...] in the cases' order.
'use strict';
const fs = require('fs');
const path = require('path');

const [encoderDir, casesFile, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node expected_ids.js ENCODER_DIR CASES_JSON OUT_JSON');
  process.exit(2);
}
const { encode } = require(path.resolve(encoderDir, 'index.js'));
const cases = JSON.parse(fs.readFileSync(casesFile, 'utf-8'));
if (!Array.isArray(cases) || !cases.every((c) => typeof c === 'string')) {
  console.error(`${casesFile}: expected a list of strings`);
  process.exit(1);
}
const expected = cases.map((text) => ({ text, ids: encode(text) }));
for (const { text, ids } of expected) {
  if (!ids.every((id) => Number.isInteger(id))) {
    console.error(`the encoder gave a non-id for ${JSON.stringify(text)}: ${JSON.stringify(ids)}`);
    process.exit(1);
  }
}
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(expected, null, 1) + '\n');
console.log(`${outFile}: ${expected.length} cases`);
