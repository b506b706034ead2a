import express from 'express';

export const MAX_BODY_BYTES = 1024 * 1024;

/** HAR files of a long session are bigger than any API body. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** JSON bodies up to 1 MiB; any content type is read as JSON so clients that omit the header still work. */
export const jsonBody = (limit = MAX_BODY_BYTES) => express.json({ limit, type: () => true, strict: false });
