import type { DesktopInfo } from '../../main/electron/desktop-types';

/** Set by the Electron preload; undefined when the UI runs in a browser. */
export const desktop = (window as { smsimDesktop?: DesktopInfo }).smsimDesktop;
