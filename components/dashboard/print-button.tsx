"use client";

import { actionLinkStyle } from "./action-link-style";

/** Opens the browser's print dialog (hidden on paper). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={`${actionLinkStyle} print:hidden`}>
      Print
    </button>
  );
}
