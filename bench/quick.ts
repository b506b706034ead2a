/** `npm run bench -- --quick` (CI): every benchmark at a tenth of its size, same figures and ratios. */
export const QUICK = process.argv.includes('--quick');

export const sized = (full: number) => (QUICK ? Math.max(1, Math.round(full / 10)) : full);
