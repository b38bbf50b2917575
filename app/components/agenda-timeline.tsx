import { Link } from "@remix-run/react";
import { timelineLayout } from "~/agenda/agenda-rules";
import { localToInstant } from "~/utils/time";

type TimelineSession = { id: string; title: string; roomName: string | null; time: string; startsAt: string; endsAt: string };

/**
 * One day as a vertical timeline (07.00–19.00 local, widened to fit), sessions that overlap in time side by
 * side. Every block is a link, so the view works by keyboard; the list view carries the same data.
 */
export function AgendaTimeline({ sessions, day, timeZone, linkSessions = true }: {
  sessions: TimelineSession[];
  day: string;
  timeZone: string;
  linkSessions?: boolean;
}) {
  const items = sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) }));
  const hourOf = (d: Date) => (d.getTime() - localToInstant(day, "00:00", timeZone)!.getTime()) / 3600_000;
  const firstHour = Math.min(7, ...items.map((s) => Math.floor(hourOf(s.startsAt))));
  const lastHour = Math.max(19, ...items.map((s) => Math.ceil(hourOf(s.endsAt))));
  const start = new Date(localToInstant(day, "00:00", timeZone)!.getTime() + firstHour * 3600_000);
  const end = new Date(localToInstant(day, "00:00", timeZone)!.getTime() + lastHour * 3600_000);
  const boxes = new Map(timelineLayout(items, start, end).map((b) => [b.id, b]));
  const hours = Array.from({ length: lastHour - firstHour + 1 }, (_, i) => firstHour + i);
  return (
    <div className="card">
      <div className="timeline" style={{ height: `${(lastHour - firstHour) * 56}px` }}>
        {hours.map((h) => (
          <span key={h} className="hour" style={{ top: `${((h - firstHour) / (lastHour - firstHour)) * 100}%` }} aria-hidden="true">
            {String(h % 24).padStart(2, "0")}.00
          </span>
        ))}
        {items.map((s) => {
          const box = boxes.get(s.id);
          if (!box) return null;
          const width = 100 / box.lanes;
          return (
            <div key={s.id} className="block" style={{ top: `${box.topPct}%`, height: `${box.heightPct}%`, left: `calc(${box.lane * width}% + 4px)`, width: `calc(${width}% - 8px)` }}>
              {linkSessions ? <Link to={s.id}>{s.title}</Link> : <strong>{s.title}</strong>}
              <div>{s.time}{s.roomName ? ` · ${s.roomName}` : ""}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
