"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/admin/form-parts";
import { Card } from "@/components/ui/card";
import type { KpiFormOptions } from "@/lib/kpis/queries";
import { KpiForm, type EditableKpi } from "./kpi-form";

/** "Edit KPI" opening the form over the page (leaders). */
export function KpiEditor({ kpi, options }: { kpi: EditableKpi; options: KpiFormOptions }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className={secondaryButtonClass}>
        Edit KPI
      </button>
    );
  }
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-16" role="dialog" aria-modal="true" aria-label={`Edit ${kpi.key}`}>
      <div className="w-full max-w-2xl">
        <Card title={`Edit ${kpi.key}`}>
          <KpiForm kpi={kpi} options={options} onDone={() => setOpen(false)} />
        </Card>
      </div>
    </div>
  );
}
