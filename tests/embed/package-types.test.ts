// @vitest-environment happy-dom
// The widget package's hand-written declarations (embed/package/index.d.ts) against the
// sources: each declared function and type is the sources' own (checked by `npm run check`,
// which compiles this file), and the module exports at runtime exactly the values declared.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, expectTypeOf, test } from 'vitest';
import type * as Source from '../../embed/index.ts';
import type * as Declared from '../../embed/package/index.d.ts';

const DECLARATIONS = 'embed/package/index.d.ts';

/** The names of the values (functions, constants, classes) the declaration file exports. */
function declaredValues(): string[] {
  const file = ts.createSourceFile(
    DECLARATIONS,
    readFileSync(DECLARATIONS, 'utf8'),
    ts.ScriptTarget.ES2022,
  );
  const names: string[] = [];
  for (const statement of file.statements) {
    const exported = ts
      .getModifiers(statement as ts.HasModifiers)
      ?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (statement.name) names.push(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        names.push(declaration.name.getText(file));
      }
    }
  }
  return names.sort();
}

test('the module exports at runtime exactly the values the declarations name', async () => {
  const module = await import('../../embed/index.ts');
  expect(Object.keys(module).sort()).toEqual(declaredValues());
});

test('the declared functions, options and element are the sources’ own', () => {
  expectTypeOf<typeof Declared.mount>().toEqualTypeOf<typeof Source.mount>();
  expectTypeOf<typeof Declared.configure>().toEqualTypeOf<typeof Source.configure>();
  expectTypeOf<typeof Declared.preflight>().toEqualTypeOf<typeof Source.preflight>();
  expectTypeOf<typeof Declared.usageRecorded>().toEqualTypeOf<typeof Source.usageRecorded>();
  expectTypeOf<Declared.MountOptions>().toEqualTypeOf<Source.MountOptions>();
  expectTypeOf<Declared.TallyDefaults>().toEqualTypeOf<Source.TallyDefaults>();
  expectTypeOf<Declared.GetToken>().toEqualTypeOf<Source.GetToken>();
  expectTypeOf<Declared.Layout>().toEqualTypeOf<Source.Layout>();
  expectTypeOf<Declared.Theme>().toEqualTypeOf<Source.Theme>();
  expectTypeOf<Source.TallyCreditsElement>().toExtend<Declared.TallyCreditsElement>();
  expectTypeOf<Declared.TallyCreditsElement['getToken']>().toEqualTypeOf<
    Source.TallyCreditsElement['getToken']
  >();
  expectTypeOf<(typeof Declared.TallyCreditsElement)['observedAttributes']>().toEqualTypeOf<
    (typeof Source.TallyCreditsElement)['observedAttributes']
  >();
});
