/** Stable catalog ids: platforms, fixtures and tests refer to them, so never change one. */
export const SAMPLE_IDS = {
  db: {
    service: '5a3b1e00-d8b0-4c1e-9000-000000000100',
    small: '5a3b1e00-d8b0-4c1e-9000-000000000101',
    large: '5a3b1e00-d8b0-4c1e-9000-000000000102',
    shared: '5a3b1e00-d8b0-4c1e-9000-000000000103',
  },
  async: {
    service: '5a3b1e00-d8b0-4c1e-9000-000000000200',
    standard: '5a3b1e00-d8b0-4c1e-9000-000000000201',
    premium: '5a3b1e00-d8b0-4c1e-9000-000000000202',
  },
  logs: {
    service: '5a3b1e00-d8b0-4c1e-9000-000000000300',
    basic: '5a3b1e00-d8b0-4c1e-9000-000000000301',
  },
  configurable: {
    service: '5a3b1e00-d8b0-4c1e-9000-000000000400',
    custom: '5a3b1e00-d8b0-4c1e-9000-000000000401',
  },
  appAgent: {
    service: '5a3b1e00-d8b0-4c1e-9000-000000000500',
    agent: '5a3b1e00-d8b0-4c1e-9000-000000000501',
  },
} as const;
