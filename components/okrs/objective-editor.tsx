"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/admin/form-parts";
import { Card } from "@/components/ui/card";
import type { OkrFormOptions } from "@/lib/okrs/queries";
import { ObjectiveForm, type EditableObjective } from "./objective-form";

/** An Edit button that opens the objective's form in place (leaders). */
export function ObjectiveEditor({ objective, options }: { objective: EditableObjective; options: OkrFormOptions }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={secondaryButtonClass}>
        Edit objective
      </button>
    );
  }
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-16" role="dialog" aria-modal="true" aria-label={`Edit ${objective.key}`}>
      <div className="w-full max-w-2xl">
        <Card title={`Edit ${objective.key}`} description="Others editing at the same time are told before anything is overwritten.">
          <ObjectiveForm objective={objective} options={options} defaults={objective} onDone={() => setOpen(false)} />
        </Card>
      </div>
    </div>
  );
}
