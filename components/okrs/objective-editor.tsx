"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { OkrFormOptions } from "@/lib/okrs/queries";
import { ObjectiveForm, type EditableObjective } from "./objective-form";

/** An Edit button that opens the objective's form in a dialog (leaders). */
export function ObjectiveEditor({ objective, options }: { objective: EditableObjective; options: OkrFormOptions }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit objective</Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${objective.key}`} description="Others editing at the same time are told before anything is overwritten." width="lg">
        <ObjectiveForm objective={objective} options={options} defaults={objective} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
