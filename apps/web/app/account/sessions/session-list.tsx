import type { SessionOutput } from "@gatehouse/api";
import { formatDateTime } from "@/lib/format-time";
import { revokeSession } from "./actions";
import { SessionActionButton } from "./session-action-button";

function TimeFact({ term, time }: { term: string; time: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <time dateTime={time}>{formatDateTime(time)}</time>
      </dd>
    </div>
  );
}

/** Renders the account's live sessions, the current one first and marked "This device", each other one with a sign-out button. */
export function SessionList({ sessions }: { sessions: SessionOutput[] }) {
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));

  return (
    <ul className="item-list" aria-label="Signed-in sessions">
      {ordered.map((session) => (
        <li key={session.id} className="item" data-testid="session" data-current={session.current ? "true" : "false"}>
          <div className="item-head">
            <strong>{session.device.label}</strong>
            {session.current && <span className="badge">This device</span>}
          </div>
          <dl className="item-facts">
            <div>
              <dt>IP address</dt>
              <dd>{session.ipAddress ?? "Not recorded"}</dd>
            </div>
            <TimeFact term="Signed in" time={session.createdAt} />
            <TimeFact term="Last used" time={session.lastUsedAt} />
            <TimeFact term="Expires if unused" time={session.expiresAt} />
          </dl>
          {!session.current && (
            <SessionActionButton
              action={revokeSession}
              sessionId={session.id}
              label="Sign out"
              pendingLabel="Signing out…"
              description={`${session.device.label}, signed in ${formatDateTime(session.createdAt)}`}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
