"use client";

import * as SelectPrimitive from "@radix-ui/react-select";
import { CheckIcon, ChevronDownIcon } from "lucide-react";
import { useState, type ReactNode } from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";
import { controlClass } from "./input";

export interface SelectOption {
  value: string;
  label: string;
  /** A second line in the list (a team's kind, a person's role). */
  hint?: string;
  disabled?: boolean;
}

/** Radix Select reserves "" for "nothing chosen"; an option meaning "none" is carried under this key. */
const NONE = "__none__";

/**
 * A styled list box (Radix Select: arrow keys, typeahead, Escape) for a short list whose options carry a hint
 * line. The value posts with the form through a hidden input under `name`; "" is allowed (for "None").
 * Prefer NativeSelect for plain text options, Combobox for long lists.
 */
export function Select({
  name,
  options,
  defaultValue,
  value: controlled,
  onValueChange,
  placeholder = "Choose…",
  disabled,
  className,
  "aria-label": ariaLabel,
}: {
  name?: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  value?: string;
  onValueChange?: (value: string) => void;
  placeholder?: ReactNode;
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}) {
  const field = useFieldControl();
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? "");
  const value = controlled ?? uncontrolled;
  const toRadix = (v: string) => (v === "" ? NONE : v);
  const hasNone = options.some((o) => o.value === "");
  return (
    <>
      <SelectPrimitive.Root
        value={value === "" && !hasNone ? undefined : toRadix(value)}
        onValueChange={(next) => {
          const v = next === NONE ? "" : next;
          setUncontrolled(v);
          onValueChange?.(v);
        }}
        disabled={disabled}
      >
        <SelectPrimitive.Trigger
          id={field?.id}
          aria-invalid={field?.["aria-invalid"]}
          aria-describedby={field?.["aria-describedby"]}
          aria-label={ariaLabel}
          className={cn(controlClass, "mt-1 flex items-center justify-between gap-2 text-left data-[placeholder]:text-subtle-foreground", className)}
        >
          <span className="truncate">
            <SelectPrimitive.Value placeholder={placeholder} />
          </span>
          <SelectPrimitive.Icon>
            <ChevronDownIcon aria-hidden="true" className="size-4 text-slate-500" />
          </SelectPrimitive.Icon>
        </SelectPrimitive.Trigger>
        <SelectPrimitive.Portal>
          <SelectPrimitive.Content
            position="popper"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width) overflow-hidden rounded-lg border border-border bg-surface text-sm text-foreground shadow-lg"
          >
            <SelectPrimitive.Viewport className="p-1">
              {options.map((option) => (
                <SelectPrimitive.Item
                  key={option.value}
                  value={toRadix(option.value)}
                  disabled={option.disabled}
                  className="relative flex cursor-default flex-col rounded-md py-1.5 pr-8 pl-2.5 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-surface-sunken"
                >
                  <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                  {option.hint ? <span className="text-xs text-muted-foreground">{option.hint}</span> : null}
                  <SelectPrimitive.ItemIndicator className="absolute top-2 right-2">
                    <CheckIcon aria-hidden="true" className="size-4 text-indigo-600" />
                  </SelectPrimitive.ItemIndicator>
                </SelectPrimitive.Item>
              ))}
            </SelectPrimitive.Viewport>
          </SelectPrimitive.Content>
        </SelectPrimitive.Portal>
      </SelectPrimitive.Root>
      {name ? <input type="hidden" name={name} value={value} /> : null}
    </>
  );
}
