import { EventEmitter } from 'node:events';
import type { AppEvent, EventMap, EventName } from '../../shared/api/events';

/** In-process fan-out of contract events to every transport (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  emit<K extends EventName>(type: K, payload: EventMap[K]): void {
    this.emitter.emit('event', { type, payload } as AppEvent);
  }
  subscribe(fn: (e: AppEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }
}
