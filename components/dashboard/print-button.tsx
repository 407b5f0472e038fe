"use client";

import { buttonStyles } from "@/components/ui/button";

/** Opens the browser's print dialog (hidden on paper). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonStyles({ variant: "secondary", size: "sm" })} print:hidden`}>
      Print
    </button>
  );
}
