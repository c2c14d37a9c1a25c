export { seedDemoWorkspace, DEMO_SLUG, DEMO_OWNER_EMAIL, type SeedDemoOptions, type SeedDemoResult } from './seed-demo.ts';
export { seedDemoRecon, seedDemoReports, type SeedReconResult } from './seed-recon.ts';
