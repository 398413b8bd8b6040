import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotifyPayload, ServerToClientEvents } from '$contract';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Notification extends NotifyPayload {
  id: number;
}

const MAX_NOTIFICATIONS = 5;

/** The one Socket.IO connection of the app, opened while someone is signed in. */
class Realtime {
  connected = $state(false);
  notifications = $state<Notification[]>([]);
  #socket: AppSocket | null = null;
  #nextId = 1;

  /** Lazily created so nothing connects before the session cookie exists. */
  get socket(): AppSocket {
    if (!this.#socket) {
      const socket: AppSocket = io({ withCredentials: true, autoConnect: false, reconnection: true });
      socket.on('connect', () => (this.connected = true));
      socket.on('disconnect', () => (this.connected = false));
      socket.on('notify', (payload) => this.push(payload));
      this.#socket = socket;
    }
    return this.#socket;
  }

  connect(): void {
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
  }

  /** Also forgets the notifications: they belonged to the user who just left. */
  disconnect(): void {
    this.#socket?.disconnect();
    this.notifications = [];
  }

  dismiss(id: number): void {
    this.notifications = this.notifications.filter((n) => n.id !== id);
  }

  private push(payload: NotifyPayload): void {
    const next = [...this.notifications, { ...payload, id: this.#nextId++ }];
    this.notifications = next.slice(-MAX_NOTIFICATIONS);
  }
}

export const realtime = new Realtime();
