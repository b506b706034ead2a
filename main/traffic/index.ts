export {
  CORRELATION_HEADER,
  createCapturingClient,
  fetchSend,
  HOP_HEADER,
  type HopEnds,
  type HttpSend,
  limitedFetchSend,
  REQUEST_IDENTITY_HEADER,
  type SendInit,
  type SendResult,
} from './capture-client';
export { captureInbound, type InboundOptions } from './capture-inbound';
export { classifyOsb } from './classify';
export type { FlowFilter } from './flows';
export { harEntry, toHar, writeHar } from './har-export';
export { harSchema, importHar } from './har-import';
export { limitedHttpSend } from './http-send';
export { type AnswerLimits, AnswerRefusedError, readAnswer } from './read-answer';
export { createRedactor, REDACTED, type Redactor } from './redact';
export { trafficRouter } from './router';
export { truncationMarker } from './sanitize';
export { TrafficStore } from './store';
export {
  DEFAULT_BUFFER_SIZE,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_BUFFER_BYTES,
  type FlowPage,
  type FlowQuery,
  type TrafficState,
  type TrafficStoreOptions,
} from './store-types';
export * from './types';
