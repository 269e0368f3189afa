/**
 * The few pieces of Office's globals the add-in touches, typed here so the code needs no ambient
 * `@types/office-js` and runs in Node tests against a stub (test/support/office-stub.ts).
 */

export interface CustomFunctionsError {
  code: string;
  message?: string;
}

export interface CustomFunctionsApi {
  associate(id: string, fn: (...args: any[]) => unknown): void;
  Error: new (code: string, message?: string) => CustomFunctionsError;
  ErrorCode: { invalidValue: string; notAvailable: string; [code: string]: string };
}

export interface OfficeApi {
  context?: { displayLanguage?: string };
  onReady?: (callback?: (info: unknown) => void) => Promise<unknown>;
}

const host = globalThis as { CustomFunctions?: CustomFunctionsApi; Office?: OfficeApi; Excel?: unknown; OfficeRuntime?: unknown };

export const customFunctions = (): CustomFunctionsApi | undefined => host.CustomFunctions;
export const office = (): OfficeApi | undefined => host.Office;
export const excel = (): any => host.Excel;
export const officeRuntime = (): any => host.OfficeRuntime;
