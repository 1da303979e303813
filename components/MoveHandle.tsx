import { useRef } from 'preact/hooks';
import { MARGIN } from './keep-in-view.ts';
import { useMessages } from './messages-context.ts';

/** Pixels from the viewport's right and bottom edges. */
export interface Place {
  right: number;
  bottom: number;
}

interface MoveHandleProps {
  place: Place;
  /** While moving: draw here. */
  onMove(place: Place): void;
  /** Moved: remember it. */
  onPlaced(place: Place): void;
}

const STEP = 24;

/** Keeps the widget inside the viewport, whatever was remembered on a bigger screen. */
export function clampPlace(place: Place, view: { width: number; height: number }): Place {
  const clamp = (value: number, max: number) => Math.round(Math.min(Math.max(value, MARGIN), max));
  return {
    right: clamp(place.right, view.width - 120),
    bottom: clamp(place.bottom, view.height - 48),
  };
}

/**
 * A grip beside the chip that moves the widget off whatever it covers: drag it, or use the
 * arrow keys while it has focus.
 */
export function MoveHandle({ place, onMove, onPlaced }: MoveHandleProps) {
  const m = useMessages();
  const drag = useRef<{ x: number; y: number; from: Place } | null>(null);
  const latest = useRef(place);
  latest.current = place;
  const view = () => ({ width: window.innerWidth, height: window.innerHeight });
  const to = (next: Place) => clampPlace(next, view());

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [STEP, 0],
      ArrowRight: [-STEP, 0],
      ArrowUp: [0, STEP],
      ArrowDown: [0, -STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = to({ right: place.right + move[0], bottom: place.bottom + move[1] });
    onMove(next);
    onPlaced(next);
  }

  return (
    <button
      type="button"
      class="t-move"
      aria-label={m.t('moveTally')}
      title={m.t('dragToMove')}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, y: event.clientY, from: place };
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        if (!start) return;
        onMove(
          to({
            right: start.from.right - (event.clientX - start.x),
            bottom: start.from.bottom - (event.clientY - start.y),
          }),
        );
      }}
      onPointerUp={() => {
        if (!drag.current) return;
        drag.current = null;
        onPlaced(latest.current);
      }}
      onKeyDown={onKeyDown}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
}
