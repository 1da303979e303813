// One way to write "what ran" across the page, grouped like Tally's dialog and popup ("1,000").
const count = new Intl.NumberFormat('en-US');

/** "Lifestyle Crop × 1,000" */
export function operationLabel(name: string, quantity: number): string {
  return `${name} × ${formatCount(quantity)}`;
}

/** 9999 → "9,999" */
export function formatCount(quantity: number): string {
  return count.format(quantity);
}
