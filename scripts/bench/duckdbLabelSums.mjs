// The peer in `npm run bench`: DuckDB summing every label column of a CSV (one whole process,
// like our CLI). Usage: node scripts/bench/duckdbLabelSums.mjs FILE LABEL_COLUMNS...
import { DuckDBInstance } from '@duckdb/node-api';

const [file, ...labels] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const sums = labels.map((l) => `sum("${l}")`).join(', ');
const escaped = file.replace(/'/g, "''");
const result = await connection.runAndReadAll(`SELECT count(*), ${sums} FROM read_csv('${escaped}')`);
const row = result.getRows()[0];
process.stdout.write(JSON.stringify(row.map((v) => Number(v))) + '\n');
if (process.env.IMBALANCE_LENS_REPORT_RSS) process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
