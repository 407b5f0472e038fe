"use client";

import Link from "next/link";
import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import { createItemAction } from "@/lib/backlog/actions";
import { CreateItemSchema } from "@/lib/backlog/schema";

/** A leader adds an epic (or a theme) to the portfolio; it enters the funnel at the bottom of the ranking. */
export function NewEpicForm({ themes }: { themes: { id: number; key: string; title: string }[] }) {
  const [level, setLevel] = useState<"EPIC" | "THEME">("EPIC");
  const [created, setCreated] = useState<{ id: number; key: string } | null>(null);
  const form = useActionForm(createItemAction, {
    schema: CreateItemSchema,
    success: (data) => `Added ${data.key} to the funnel, at the bottom of the ranking.`,
    onSuccess: (data) => setCreated(data),
    resetOnSuccess: true,
  });

  return (
    <details className="rounded-lg border border-border bg-surface shadow-sm">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-700">Add an epic or a theme</summary>
      <Form form={form} className="flex flex-wrap items-end gap-3 border-t border-border px-4 py-3">
        <HiddenFields fields={{ teamId: null }} />
        <Field name="level" label="Level" className="w-32">
          <NativeSelect name="level" value={level} onChange={(e) => setLevel(e.target.value as "EPIC" | "THEME")}>
            <option value="EPIC">Epic</option>
            <option value="THEME">Theme</option>
          </NativeSelect>
        </Field>
        <Field name="title" label="Title" className="min-w-0 flex-[1_1_18rem]">
          <Input name="title" maxLength={200} />
        </Field>
        {level === "EPIC" ? (
          <Field name="parentId" label="Theme" className="min-w-0 flex-[0_1_16rem]">
            <NativeSelect name="parentId" defaultValue="">
              <option value="">No theme</option>
              {themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.key} {t.title}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : null}
        <SubmitButton pendingText="Adding…" className="mb-px">
          Add {level === "EPIC" ? "epic" : "theme"}
        </SubmitButton>
        <div className="flex basis-full flex-wrap items-center gap-3 empty:hidden">
          <FormMessage />
          {created ? (
            <Link href={`/items/${created.id}`} className="text-sm font-medium text-link hover:underline">
              Open {created.key}
            </Link>
          ) : null}
        </div>
      </Form>
    </details>
  );
}
