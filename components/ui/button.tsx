import { Slot } from "@radix-ui/react-slot";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger" | "link";
export type ButtonSize = "sm" | "md" | "icon";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover",
  secondary: "border border-input bg-surface text-slate-700 shadow-sm hover:bg-surface-muted",
  ghost: "text-slate-700 hover:bg-surface-sunken",
  danger: "border border-rose-300 bg-surface text-danger shadow-sm hover:bg-danger-surface",
  link: "px-0! py-0! font-medium text-link underline-offset-2 hover:underline",
};

const SIZES: Record<ButtonSize, string> = {
  sm: "h-8 px-2.5 text-sm",
  md: "h-9 px-3.5 text-sm",
  icon: "size-9 p-0",
};

/**
 * The class string of a button, for a link or a label that must look like one (usable from server
 * components; `<Button asChild><Link/></Button>` does the same for a single child).
 */
export function buttonStyles({ variant = "primary", size = "md", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors",
    "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-surface focus-visible:outline-none",
    "disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

/**
 * A button. `type` defaults to "button" (a plain click never submits a form by accident); use
 * `<SubmitButton>` (components/ui/form.tsx) for a form's submit, which shows the pending state.
 * `asChild` renders the one child (a Link) with the button's look.
 */
export function Button({
  variant,
  size,
  className,
  asChild = false,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize; asChild?: boolean }) {
  const classes = buttonStyles({ variant, size, className });
  if (asChild) return <Slot className={classes} {...props} />;
  return <button type={type} className={classes} {...props} />;
}
