import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TPushDeviceResultDto, TTestNotificationResultDto } from '@charla/protocol';

/** Why one device did not get the test, in the user's language (the server's wording is for logs). */
function reasonOf(device: TPushDeviceResultDto, t: TFunction): string {
  if (device.outcome === 'expired') return t('notifications.device.expired');
  if (device.outcome === 'delivered') return t('notifications.device.delivered');
  if (device.statusCode !== null)
    return t('notifications.device.failedStatus', { status: device.statusCode });
  if (device.error?.startsWith('Timed out')) return t('notifications.device.timedOut');
  return t('notifications.device.unreachable');
}

/** "Sent to 3 devices: 1 delivered, 1 expired and removed, 1 failed", then one line per device. */
export function PushTestResult({ result }: { result: TTestNotificationResultDto }) {
  const { t } = useTranslation();
  if (result.devices === 0)
    return (
      <p className="card__note" role="status" data-testid="push-test-result">
        {t('notifications.testNoDevices')}
      </p>
    );
  return (
    <div className="card__note" role="status" data-testid="push-test-result">
      <p>
        {t('notifications.testSummary', {
          count: result.devices,
          delivered: result.delivered,
          expired: result.expired,
          failed: result.failed,
        })}
      </p>
      <ul className="push-results">
        {result.results.map((device) => (
          <li
            key={device.subscriptionId}
            className={`push-results__item push-results__item--${device.outcome}`}
          >
            <bdi className="push-results__device">{device.userAgent || device.endpointOrigin}</bdi>
            <span className="push-results__outcome">{reasonOf(device, t)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
