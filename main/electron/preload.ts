import { contextBridge } from 'electron';
import type { DesktopInfo } from './desktop-types';

contextBridge.exposeInMainWorld('smsimDesktop', {
  electron: process.versions.electron,
  platform: process.platform,
} satisfies DesktopInfo);
