import * as core from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { QuoteRequestSchema, PageQuerySchema } from '../lib/api/schemas/requests.ts';
const map = en().localeError;
for (const v of [{operation:'smart-crop',quantity:0},{operation:'smart-crop',quantity:10001},{operation:'smart-crop',quantity:1.5},{operation:'smart-crop',quantity:'1'},{operation:'smart-crop',quantity:1,x:1},{quantity:1}]) {
  const r = core.safeParse(QuoteRequestSchema, v, { error: map });
  console.log(JSON.stringify(r.error?.issues.map(i=>[i.path.join('.'), i.code, i.message])));
}
const r = core.safeParse(PageQuerySchema, {limit:'abc'}, { error: map }); console.log(r.error?.issues.map(i=>i.message));
