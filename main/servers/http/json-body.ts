import express from 'express';

export const MAX_BODY_BYTES = 1024 * 1024;

/** JSON bodies up to 1 MiB; any content type is read as JSON so clients that omit the header still work. */
export const jsonBody = () => express.json({ limit: MAX_BODY_BYTES, type: () => true, strict: false });
