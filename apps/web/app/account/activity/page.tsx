import type { Metadata } from "next";
import { describeActivityEvent } from "@/lib/activity-labels";
import { formatDateTime } from "@/lib/format-time";
import { requireSession } from "@/lib/require-session";
import { createServerCaller } from "@/lib/server-caller";
import { AccountSection } from "../account-section";

export const metadata: Metadata = { title: "Recent activity" };

/** How many events the page shows. The API allows up to 100. */
const ACTIVITY_PAGE_SIZE = 10;

/** Renders the account's most recent sign-in and security events. Protected: signed-out visitors are redirected first. */
export default async function ActivityPage() {
  const session = await requireSession("/account/activity");
  const { events } = await (await createServerCaller()).auth.activity.list({ limit: ACTIVITY_PAGE_SIZE });

  return (
    <AccountSection title="Recent activity" session={session} wide>
      <p className="lead">The last {ACTIVITY_PAGE_SIZE} sign-ins and changes to your account, newest first.</p>
      {events.length === 0 ? (
        <p>No activity yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="activity" data-testid="activity">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Time</th>
                <th scope="col">Device</th>
                <th scope="col">IP address</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} data-testid="activity-event" data-type={event.type}>
                  <td>{describeActivityEvent(event.type)}</td>
                  <td>
                    <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                  </td>
                  <td>{event.device.label}</td>
                  <td>{event.ipAddress ?? "Not recorded"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AccountSection>
  );
}
