import { useSyncExternalStore } from 'react';
import { dismissOfflineReady, offlineStatus, subscribeOfflineStatus } from '../../../offline/registerServiceWorker.ts';
import './updateNotice.css';

/**
 * A bar at the foot of the page that says when Front Door has been stored for use offline and
 * when a new version is ready, with a button to switch. The live region (`output`) is always in
 * the page, empty until there is news, so screen readers announce what appears in it.
 */
export function UpdateNotice() {
  const status = useSyncExternalStore(subscribeOfflineStatus, offlineStatus, offlineStatus);
  const message =
    status.kind === 'update-ready'
      ? 'A new version of Front Door is ready. Your scenario is kept when you switch.'
      : status.kind === 'offline-ready'
        ? 'Front Door is now stored in this browser: it will open without a network connection.'
        : '';
  return (
    <div className={status.kind === 'none' ? 'update-notice' : 'update-notice update-notice--active'} data-offline-status={status.kind}>
      <div className="update-notice__bar">
        <output className="update-notice__message">{message}</output>
        {status.kind === 'update-ready' && (
          <button type="button" className="update-notice__button" onClick={status.apply}>
            Use the new version
          </button>
        )}
        {status.kind === 'offline-ready' && (
          <button type="button" className="update-notice__button update-notice__button--secondary" onClick={dismissOfflineReady}>
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}
