"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlertIcon, CircleCheckIcon, XIcon } from "lucide-react";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";

/*
 * Page-level outcomes ("Saved the changes to Acquisition pod.") as toasts on Radix Toast: announced politely
 * (assertively for errors), paused while hovered or focused, F8 jumps to them, swipe or Escape dismisses.
 * Anything tied to one control belongs next to that control (Field), not here.
 *
 *   import { toast } from "@/components/ui/toast";
 *   toast.success("Saved.");   toast.error("We couldn't reach the server; nothing was saved.");
 */

type Tone = "success" | "error" | "info";
interface ToastEntry {
  id: number;
  tone: Tone;
  message: string;
}

let entries: ToastEntry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

function push(tone: Tone, message: string): void {
  // The same message twice in a row (a double submit) shows once.
  if (entries.at(-1)?.message === message) return;
  entries = [...entries.slice(-2), { id: nextId++, tone, message }];
  emit();
}

function dismiss(id: number): void {
  entries = entries.filter((entry) => entry.id !== id);
  emit();
}

export const toast = {
  success: (message: string) => push("success", message),
  error: (message: string) => push("error", message),
  info: (message: string) => push("info", message),
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const EMPTY: ToastEntry[] = [];

const TONE = {
  success: { icon: CircleCheckIcon, className: "text-emerald-700" },
  error: { icon: CircleAlertIcon, className: "text-danger" },
  info: { icon: CircleCheckIcon, className: "text-indigo-700" },
} as const;

/** Mounted once in the root layout. */
export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => entries, () => EMPTY);
  return (
    <ToastPrimitive.Provider swipeDirection="right" duration={6000}>
      {list.map((entry) => {
        const { icon: Icon, className } = TONE[entry.tone];
        return (
          <ToastPrimitive.Root
            key={entry.id}
            type={entry.tone === "error" ? "foreground" : "background"}
            duration={entry.tone === "error" ? 10_000 : 6000}
            onOpenChange={(open) => {
              if (!open) dismiss(entry.id);
            }}
            className="flex items-start gap-3 rounded-lg border border-border bg-surface p-3 pr-9 text-sm text-foreground shadow-lg data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:hidden"
          >
            <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", className)} />
            <ToastPrimitive.Description className="min-w-0 flex-1">{entry.message}</ToastPrimitive.Description>
            <ToastPrimitive.Close
              aria-label="Dismiss"
              className="absolute top-2.5 right-2.5 rounded p-1 text-slate-600 hover:bg-surface-sunken focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            >
              <XIcon aria-hidden="true" className="size-3.5" />
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        );
      })}
      <ToastPrimitive.Viewport
        label="Notifications ({hotkey})"
        className="fixed right-0 bottom-0 z-[60] flex w-full max-w-sm flex-col gap-2 p-4 outline-none [&>li]:relative"
      />
    </ToastPrimitive.Provider>
  );
}
