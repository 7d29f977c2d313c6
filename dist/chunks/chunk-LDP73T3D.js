import { createRequire as __ogCreateRequire } from 'node:module'; const require = __ogCreateRequire(import.meta.url);

// src/errors.ts
var UserError = class extends Error {
  name = "UserError";
  /** Extra located details (one per line in logs and reports). */
  details;
  constructor(message, details = []) {
    super(details.length > 0 ? `${message}
${details.map((d) => `  - ${d}`).join("\n")}` : message);
    this.details = details;
  }
};
var InputFileError = class extends UserError {
  name = "InputFileError";
  file;
  missing;
  constructor(file, problems, { missing = false } = {}) {
    super(`${file}: ${missing ? "not found" : "invalid content"}`, problems);
    this.file = file;
    this.missing = missing;
  }
};
var CancelledError = class extends UserError {
  name = "CancelledError";
};
var InternalError = class extends Error {
  name = "InternalError";
};
function isUserError(error) {
  return error instanceof UserError;
}
function errorMessage(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

export {
  UserError,
  InputFileError,
  CancelledError,
  InternalError,
  isUserError,
  errorMessage
};
