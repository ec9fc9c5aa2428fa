// `npm run bench`: every benchmark, each against its peer in the same run.
import './analyze.mjs';
import './evaluate.mjs';
