/** What the desktop shell's preload exposes to the UI as `window.smsimDesktop` (absent in a browser). */
export interface DesktopInfo {
  electron: string;
  platform: string;
}
