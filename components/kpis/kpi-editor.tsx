"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { KpiFormOptions } from "@/lib/kpis/queries";
import { KpiForm, type EditableKpi } from "./kpi-form";

/** "Edit KPI" opening the form in a dialog (leaders). */
export function KpiEditor({ kpi, options }: { kpi: EditableKpi; options: KpiFormOptions }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Edit KPI</Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${kpi.key}`} description="Others editing at the same time are told before anything is overwritten." width="lg">
        <KpiForm kpi={kpi} options={options} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
