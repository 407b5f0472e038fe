"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { XIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/*
 * Modal dialog and side sheet on Radix Dialog: focus moves in and is trapped, Escape and the close button
 * close it, focus returns to the opener, the rest of the page is inert, and the title/description name it.
 *
 *   <Dialog open={open} onOpenChange={setOpen}>
 *     <DialogTrigger asChild><Button>Edit</Button></DialogTrigger>
 *     <DialogContent title="Edit team" description="…">…form…</DialogContent>
 *   </Dialog>
 */

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

function Overlay({ className, ...props }: ComponentProps<typeof DialogPrimitive.Overlay>) {
  return <DialogPrimitive.Overlay className={cn("fixed inset-0 z-40 bg-overlay", className)} {...props} />;
}

function CloseButton() {
  return (
    <DialogPrimitive.Close
      className="absolute top-3 right-3 rounded-md p-1.5 text-slate-600 hover:bg-surface-sunken hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      aria-label="Close"
    >
      <XIcon aria-hidden="true" className="size-4" />
    </DialogPrimitive.Close>
  );
}

function Header({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="border-b border-border px-5 py-4 pr-12">
      <DialogPrimitive.Title className="text-section-title font-semibold text-foreground">{title}</DialogPrimitive.Title>
      {description ? (
        <DialogPrimitive.Description className="mt-0.5 text-sm text-muted-foreground">{description}</DialogPrimitive.Description>
      ) : (
        // Radix warns without a description; an empty one keeps aria-describedby off.
        <DialogPrimitive.Description className="sr-only" />
      )}
    </div>
  );
}

const WIDTHS = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl", xl: "max-w-4xl" } as const;

/** The centred panel: title, optional description, a close button; the body scrolls inside the viewport. */
export function DialogContent({
  title,
  description,
  width = "md",
  className,
  children,
  ...props
}: Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  width?: keyof typeof WIDTHS;
}) {
  return (
    <DialogPrimitive.Portal>
      <Overlay />
      <DialogPrimitive.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl border border-border bg-surface text-foreground shadow-xl focus:outline-none",
          WIDTHS[width],
          className,
        )}
        {...props}
      >
        <Header title={title} description={description} />
        <div className="min-h-0 flex-1 overflow-y-auto p-5">{children}</div>
        <CloseButton />
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** The row of buttons at the end of a dialog's form. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-5 flex flex-wrap items-center justify-end gap-3", className)} {...props} />;
}

const SIDES = {
  right: "inset-y-0 right-0 h-full w-[min(28rem,100vw)] border-l",
  left: "inset-y-0 left-0 h-full w-[min(18rem,85vw)] border-r",
} as const;

/** A panel sliding from the side (details, filters, the navigation below 1024 px); same behaviour as a dialog. */
export function SheetContent({
  title,
  description,
  side = "right",
  hideHeader = false,
  className,
  children,
  ...props
}: Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  side?: keyof typeof SIDES;
  /** Keep the title for screen readers only (the navigation sheet shows its own header). */
  hideHeader?: boolean;
}) {
  return (
    <DialogPrimitive.Portal>
      <Overlay />
      <DialogPrimitive.Content
        className={cn("fixed z-50 flex flex-col bg-surface text-foreground shadow-xl focus:outline-none", SIDES[side], className)}
        {...props}
      >
        {hideHeader ? (
          <>
            <DialogPrimitive.Title className="sr-only">{title}</DialogPrimitive.Title>
            <DialogPrimitive.Description className="sr-only">{description}</DialogPrimitive.Description>
            {children}
          </>
        ) : (
          <>
            <Header title={title} description={description} />
            <div className="min-h-0 flex-1 overflow-y-auto p-5">{children}</div>
          </>
        )}
        <CloseButton />
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;
