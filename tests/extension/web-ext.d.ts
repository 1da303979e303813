// web-ext ships no types; this is the part of its programmatic API the store-package test uses.
declare module 'web-ext' {
  interface LintMessage {
    code: string;
    message: string;
    file?: string;
  }
  interface LintResult {
    errors: LintMessage[];
    notices: LintMessage[];
    warnings: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'json' | 'text' | 'none'; boring?: boolean },
        options: { shouldExitProgram: boolean },
      ): Promise<LintResult>;
    };
  };
  export default webExt;
}
