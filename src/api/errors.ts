// Errors the API answers with: a status, a stable code and a message that says what to do.

export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class BadRequest extends ApiFailure {
  constructor(message: string, code = "E_BAD_REQUEST") {
    super(400, code, message);
  }
}

export class NotFound extends ApiFailure {
  constructor(message: string) {
    super(404, "E_NOT_FOUND", message);
  }
}
