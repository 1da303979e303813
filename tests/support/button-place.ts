// Where buttons stand in a real browser, for the end-to-end tests: how far apart two buttons of a
// row are, and whether a button's words start on the text edge of what it acts on. A row the
// page's default styles lay out puts its buttons box to box; a quiet button's words stand its
// padding and border in from the edge unless its CSS pulls them back.
import type { Locator } from 'playwright-core';

/** The space (px) from the right edge of `left`'s box to the left edge of `right`'s. */
export async function spaceBetween(left: Locator, right: Locator): Promise<number> {
  const [a, b] = [await left.boundingBox(), await right.boundingBox()];
  if (!a || !b) throw new Error('Both buttons must be visible to measure the space between them');
  return Math.round((b.x - (a.x + a.width)) * 10) / 10;
}

/** How far (px) the words of `element` start right of the words of `reference`; 0 on one edge. */
export async function wordsOffset(element: Locator, reference: Locator): Promise<number> {
  const edge = (locator: Locator) =>
    locator.evaluate((node) => {
      const words = document.createRange();
      words.selectNodeContents(node);
      return words.getBoundingClientRect().left;
    });
  return Math.round(((await edge(element)) - (await edge(reference))) * 10) / 10;
}
