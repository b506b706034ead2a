import { describe, expect, it } from 'vitest';
import { targetGuard } from '../../main/workflows/targets';

describe('targets of checks and replays started from the control API', () => {
  const registered = ['https://broker.example.com/osb', 'http://10.1.2.3:8080'];
  const closed = targetGuard({ allowRemote: false, registered: () => registered });

  it('are this machine and the origins of registered brokers', () => {
    for (const url of [
      'http://127.0.0.1:9000',
      'http://localhost:1/v2',
      'http://[::1]:8080',
      'https://broker.example.com/other-path',
      'http://10.1.2.3:8080/',
    ])
      expect(() => closed(url), url).not.toThrow();
  });

  it('are refused elsewhere with a 403 naming fixtures.allowRemoteTargets', () => {
    for (const url of [
      'http://192.0.2.1',
      'http://127.0.0.1.nip.io',
      'http://broker.example.com/osb',
      'http://10.1.2.3:8081',
      'not a url',
    ]) {
      expect(() => closed(url), url).toThrow(
        expect.objectContaining({ status: 403, error: 'TargetNotAllowed' }),
      );
      expect(() => closed(url)).toThrow(/fixtures\.allowRemoteTargets/);
    }
  });

  it('are any URL once the user opts in', () => {
    const open = targetGuard({ allowRemote: true, registered: () => [] });
    expect(() => open('http://192.0.2.1')).not.toThrow();
  });
});
