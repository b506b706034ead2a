import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { DEFAULT_PORT_BASE, type Simulator, startSimulator } from '../simulator';

const PRELOAD = fileURLToPath(new URL('../preload/index.mjs', import.meta.url));
/** Bundled into out/main, the UI is the sibling out/renderer. */
const UI_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

function portBase(): number {
  const raw = process.env.SMSIM_PORT_BASE;
  if (raw === undefined || raw === '') return DEFAULT_PORT_BASE;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SMSIM_PORT_BASE must be a port from 0 to 65535 (0 = free ports), not "${raw}".`);
  }
  return port;
}

function openWindow(controlUrl: string): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: 'smsim',
    // An ES module preload cannot run sandboxed; the page stays isolated from Node all the same.
    webPreferences: { preload: PRELOAD, contextIsolation: true, nodeIntegration: false, sandbox: false },
  });
  // The window shows the control server only; any other link opens in the user's browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== new URL(controlUrl).origin) event.preventDefault();
  });
  void win.loadURL(controlUrl);
}

async function main(): Promise<void> {
  // Launched as `electron out/main/index.js`, the app would be named "Electron": keep smsim's own folder.
  app.setPath('userData', join(app.getPath('appData'), 'smsim'));
  await app.whenReady();
  let simulator: Simulator;
  try {
    simulator = await startSimulator({
      portBase: portBase(),
      dataDir: join(app.getPath('userData'), 'data'),
      uiDir: UI_DIR,
    });
  } catch (error) {
    const hint = 'The desktop app takes its port base from SMSIM_PORT_BASE (default 4810; 0 = free ports).';
    dialog.showErrorBox('smsim could not start', `${(error as Error).message}\n\n${hint}`);
    app.exit(1);
    return;
  }
  openWindow(simulator.endpoints.control.url);

  let stopped = false;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    simulator.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}

void main();
