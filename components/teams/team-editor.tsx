"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { TeamForm, type TeamFormValues } from "@/components/teams/team-form";
import { Button } from "@/components/ui/button";
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
      {editing ? (
        <Card title={`Edit ${team.name}`} description="Others editing at the same time are told before anything is overwritten.">
          <TeamForm
            key={team.version}
            mode="edit"
            team={team}
            initial={values}
            valueStreams={valueStreams}
            onSaved={stop}
            onCancel={stop}
          />
        </Card>
      ) : (
        <Card
          title="About the team"
          actions={
            <Button ref={editRef} variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${team.name}`}>
              Edit team
            </Button>
          }
        >
          {children}
        </Card>
      )}
    </div>
  );
}
