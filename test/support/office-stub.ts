/**
 * A stand-in for Excel's `CustomFunctions` global, for Node tests: records `associate` calls and builds
 * errors the way Excel's do (a code and a message). Excel's error codes are its display strings.
 */
import type { CustomFunctionsApi } from '../../addin/office-host.ts';

export class StubCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
  }
}

export interface CustomFunctionsStub extends CustomFunctionsApi {
  functions: Map<string, (...args: any[]) => any>;
}

export function customFunctionsStub(): CustomFunctionsStub {
  const functions = new Map<string, (...args: any[]) => any>();
  return {
    functions,
    associate(id, fn) {
      if (functions.has(id)) throw new Error(`${id} associated twice`);
      functions.set(id, fn);
    },
    Error: StubCustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', nullReference: '#NULL!' },
  };
}
