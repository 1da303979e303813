// How the labelled controls of a form look in a real browser, for the end-to-end tests: each
// label's words above its control, the control as wide as the form's main button and rounded
// like Tally's other fields. A control the page's default styles draw (no class, or a stylesheet
// not loaded) reads otherwise: its label beside it, a narrow box with square corners.
import type { Locator } from 'playwright-core';

export interface FieldLook {
  label: string;
  labelAbove: boolean;
  asWideAsButton: boolean;
  radius: string;
}

/** The look of every `.t-field` in `form`, measured against its primary button. */
export function fieldLooks(form: Locator): Promise<FieldLook[]> {
  return form.evaluate((root) => {
    const button = root.querySelector('.t-button--primary')!.getBoundingClientRect();
    return [...root.querySelectorAll('.t-field')].map((field) => {
      const words = field.firstElementChild!;
      const control = field.querySelector('input, select, textarea')!;
      const box = control.getBoundingClientRect();
      return {
        label: words.textContent ?? '',
        labelAbove: words.getBoundingClientRect().bottom <= box.top,
        asWideAsButton: Math.abs(box.width - button.width) < 1,
        radius: getComputedStyle(control).borderRadius,
      };
    });
  });
}

/** What fieldLooks answers for fields that look right, by their labels. */
export function wellLaidOut(labels: string[]): FieldLook[] {
  return labels.map((label) => ({ label, labelAbove: true, asWideAsButton: true, radius: '8px' }));
}
