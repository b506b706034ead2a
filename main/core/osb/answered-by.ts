/**
 * The Service Manager passes a broker's answers back unchanged, errors included; this header on them tells
 * a platform that the broker spoke, not the SM (whose own refusals and 502/504 lack it).
 */
export const ANSWERED_BY_HEADER = 'X-Smsim-Answered-By';
export const ANSWERED_BY_BROKER = 'broker';
