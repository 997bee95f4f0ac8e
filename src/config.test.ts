import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file on port 8080', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: './data/redline.db' });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads the alarm escalation times per priority', () => {
    expect(
      loadConfig({ REDLINE_ALARM_ESCALATION_MINUTES: 'critical=2,high=never' }).alarmEscalationMinutes,
    ).toEqual({
      critical: 2,
      high: null,
      medium: null,
      low: null,
    });
    expect(() => loadConfig({ REDLINE_ALARM_ESCALATION_MINUTES: 'urgent=1' })).toThrow(/priority=minutes/);
  });

  it('reads the reading-time policy and the pre-alarm fraction (platform policy)', () => {
    expect(loadConfig({})).toMatchObject({
      readingFutureSkewMs: 300_000,
      readingLateAfterMs: 300_000,
      preAlarmFraction: 0.8,
    });
    expect(
      loadConfig({ REDLINE_READING_FUTURE_SKEW_S: '60', REDLINE_PRE_ALARM_FRACTION: '0.7' }),
    ).toMatchObject({
      readingFutureSkewMs: 60_000,
      preAlarmFraction: 0.7,
    });
    expect(() => loadConfig({ REDLINE_PRE_ALARM_FRACTION: '1.2' })).toThrow(/REDLINE_PRE_ALARM_FRACTION/);
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/DATABASE_URL/);
    }
  });
});
