"use client";

import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import { updatePortfolioItemAction } from "@/lib/backlog/actions";
import { PORTFOLIO_STATUSES, UpdatePortfolioItemSchema } from "@/lib/backlog/schema";
import { enumLabel } from "@/lib/format/enum-label";
import type { PortfolioLookups, PortfolioRow } from "@/lib/portfolio/queries";

const wsjfOf = (bv: number | null, tc: number | null, rr: number | null, size: number | null) =>
  bv === null || tc === null || rr === null || size === null || size <= 0 ? null : Math.round(((bv + tc + rr) / size) * 100) / 100;

/**
 * A leader's editor for an epic's or theme's portfolio fields: the WSJF inputs (the score follows as they type),
 * value theme, planning interval and status. Open while rendered; closing (Escape, Cancel, saved) calls onClose.
 */
export function WsjfDialog({
  item,
  intervals,
  onClose,
  onSaved,
}: {
  item: PortfolioRow;
  intervals: PortfolioLookups["intervals"];
  onClose: () => void;
  onSaved: (row: PortfolioRow) => void;
}) {
  const [inputs, setInputs] = useState({
    businessValue: item.businessValue,
    timeCriticality: item.timeCriticality,
    riskReduction: item.riskReduction,
    jobSize: item.jobSize,
  });
  const score = wsjfOf(inputs.businessValue, inputs.timeCriticality, inputs.riskReduction, inputs.jobSize);
  const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));
  const form = useActionForm(updatePortfolioItemAction, {
    schema: UpdatePortfolioItemSchema,
    success: `Saved ${item.key}.`,
    onSuccess: (data, sent) => {
      const text = (name: string) => String(sent?.get(name) ?? "");
      const intervalId = text("planningIntervalId") === "" ? null : Number(text("planningIntervalId"));
      onSaved({
        ...item,
        title: text("title").trim(),
        status: text("status") as PortfolioRow["status"],
        ...inputs,
        wsjf: score,
        valueTheme: text("valueTheme").trim() || null,
        planningIntervalId: item.level === "EPIC" ? intervalId : item.planningIntervalId,
        planningInterval: item.level === "EPIC" ? (intervals.find((pi) => pi.id === intervalId)?.name ?? null) : item.planningInterval,
        version: data.version,
      });
    },
  });

  const scoreField = (name: keyof typeof inputs, label: string, hint: string, min: number) => (
    <Field name={name} label={label} hint={hint}>
      <Input
        name={name}
        type="number"
        inputMode="numeric"
        min={min}
        max={100}
        step={1}
        value={inputs[name] ?? ""}
        onChange={(e) => setInputs((v) => ({ ...v, [name]: numberOrNull(e.target.value) }))}
      />
    </Field>
  );

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent title={`${item.key} · portfolio fields`} description="WSJF = (business value + time criticality + risk reduction) ÷ job size." width="lg">
        <Form form={form} className="flex flex-col gap-4">
          <HiddenFields fields={{ itemId: item.id, version: item.version, ...(item.level === "EPIC" ? {} : { planningIntervalId: item.planningIntervalId }) }} />
          <Field name="title" label="Title">
            <Input name="title" defaultValue={item.title} />
          </Field>
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {scoreField("businessValue", "Business value", "0–100", 0)}
            {scoreField("timeCriticality", "Time criticality", "0–100", 0)}
            {scoreField("riskReduction", "Risk reduction", "0–100", 0)}
            {scoreField("jobSize", "Job size", "1–100", 1)}
          </div>
          <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900" aria-live="polite">
            WSJF score: <strong className="tabular-nums">{score === null ? "needs all four inputs" : score.toFixed(2)}</strong>
          </p>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field name="status" label="Status">
              <NativeSelect name="status" defaultValue={item.status}>
                {PORTFOLIO_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {enumLabel(s)}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <Field name="valueTheme" label="Value theme">
              <Input name="valueTheme" defaultValue={item.valueTheme ?? ""} maxLength={80} />
            </Field>
            {item.level === "EPIC" ? (
              <Field name="planningIntervalId" label="Planning interval">
                <NativeSelect name="planningIntervalId" defaultValue={item.planningIntervalId ?? ""}>
                  <option value="">Not planned</option>
                  {intervals.map((pi) => (
                    // A closed interval takes no new plans; the one already chosen stays visible.
                    <option key={pi.id} value={pi.id} disabled={pi.closed && pi.id !== item.planningIntervalId}>
                      {pi.closed ? `${pi.name} (closed)` : pi.name}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            ) : null}
          </div>
          <FormFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <SubmitButton>Save</SubmitButton>
          </FormFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
