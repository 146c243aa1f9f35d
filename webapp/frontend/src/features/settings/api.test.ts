import { describe, expect, it } from 'vitest';
import { clearmlConf } from './api';

describe('clearmlConf', () => {
  it('names the web, API and file server of the host with the new key pair', () => {
    const conf = clearmlConf('http://ml.example:8080', 'AK', 'SK');
    expect(conf).toContain('web_server: http://ml.example:8080');
    expect(conf).toContain('api_server: http://ml.example:8008');
    expect(conf).toContain('files_server: http://ml.example:8081');
    expect(conf).toContain('"access_key" = "AK"');
    expect(conf).toContain('"secret_key" = "SK"');
  });
});
