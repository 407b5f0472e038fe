"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { secondaryButtonClass, type FormOutcome } from "@/components/admin/form-parts";
import { TeamForm, type TeamFormValues } from "@/components/teams/team-form";
import { Card } from "@/components/ui/card";

/**
 * The "About the team" card with an Edit button (rendered only for leaders and admins: the page decides, the
 * action checks again), swapped for the team form while editing.
 */
export function TeamEditor({
  team,
  values,
  valueStreams,
  className = "",
  children,
}: {
  team: { id: number; name: string; version: number };
  values: TeamFormValues;
  valueStreams: readonly { id: number; name: string }[];
  className?: string;
  /** The read-only facts (server-rendered). */
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<FormOutcome>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return (
    <div className={className}>
      <div aria-live="polite" role="status">
        {notice?.kind === "success" ? <p className="mb-3 text-sm font-medium text-emerald-700">{notice.text}</p> : null}
      </div>
      {editing ? (
        <Card title={`Edit ${team.name}`} description="Others editing at the same time are told before anything is overwritten.">
          <TeamForm
            key={team.version}
            mode="edit"
            team={team}
            initial={values}
            valueStreams={valueStreams}
            onSaved={(text) => {
              setNotice({ kind: "success", text });
              stop();
            }}
            onCancel={stop}
          />
        </Card>
      ) : (
        <Card
          title="About the team"
          actions={
            <button
              ref={editRef}
              type="button"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
              aria-label={`Edit ${team.name}`}
              className={secondaryButtonClass}
            >
              Edit team
            </button>
          }
        >
          {children}
        </Card>
      )}
    </div>
  );
}
