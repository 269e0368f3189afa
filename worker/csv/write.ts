/** CSV writing lives in the shared table module; re-exported for the Worker's modules. */
export { csvCell, csvLine, neutralise } from '../../rules/tables/csv-write.ts';
