import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectEvents } from './events/event-stream';
import { followConnection } from './model/connection';
import { useLive } from './model/live';
import './styles.css';

const live = useLive.getState();
connectEvents({ onEvents: live.receive, onConnection: followConnection });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
