import { describe, expect, it } from "vitest";
import { canChangeStatus, DEPENDENCY_STATUSES, isUnresolved, STATUS_CHANGES } from "@/lib/dependencies/flow";
import { layoutDependencyMap } from "@/lib/dependencies/map-layout";

describe("the dependency flow", () => {
  it("accepting is the providing side's answer, not a status change", () => {
    expect(canChangeStatus("OPEN", "ACCEPTED")).toBe(false);
    expect(canChangeStatus("OPEN", "IN_PROGRESS")).toBe(false);
    expect(canChangeStatus("OPEN", "CANCELLED")).toBe(true);
  });

  it("runs ACCEPTED → IN_PROGRESS → RESOLVED, with BLOCKED on the way and reopening", () => {
    expect(canChangeStatus("ACCEPTED", "IN_PROGRESS")).toBe(true);
    expect(canChangeStatus("IN_PROGRESS", "BLOCKED")).toBe(true);
    expect(canChangeStatus("BLOCKED", "IN_PROGRESS")).toBe(true);
    expect(canChangeStatus("IN_PROGRESS", "RESOLVED")).toBe(true);
    expect(canChangeStatus("RESOLVED", "IN_PROGRESS")).toBe(true);
    expect(canChangeStatus("CANCELLED", "OPEN")).toBe(true);
  });

  it("never moves a dependency to the status it has", () => {
    for (const status of DEPENDENCY_STATUSES) expect(STATUS_CHANGES[status]).not.toContain(status);
  });

  it("counts only resolved and cancelled as done", () => {
    expect(DEPENDENCY_STATUSES.filter((s) => !isUnresolved(s))).toEqual(["RESOLVED", "CANCELLED"]);
  });
});

describe("the dependency map layout", () => {
  const teams = [
    { id: 1, name: "Acquisition", kind: "DELIVERY_POD" as const },
    { id: 2, name: "Activation", kind: "DELIVERY_POD" as const },
    { id: 3, name: "Web", kind: "SHARED_SERVICE" as const },
    { id: 4, name: "Unconnected", kind: "DELIVERY_POD" as const },
  ];
  const edges = [
    { id: 10, key: "DEP-10", fromTeamId: 1, toTeamId: 2, risk: "OVERDUE" as const },
    { id: 11, key: "DEP-11", fromTeamId: 1, toTeamId: 2, risk: "ON_TRACK" as const },
    { id: 12, key: "DEP-12", fromTeamId: 2, toTeamId: 3, risk: "AT_RISK" as const },
  ];

  it("places each team once, leaves out teams without edges, and gives every edge its own path", () => {
    const layout = layoutDependencyMap(teams, edges);
    expect(layout.nodes.map((n) => n.name).sort()).toEqual(["Acquisition", "Activation", "Web"]);
    expect(layout.edges.map((e) => e.key)).toEqual(["DEP-10", "DEP-11", "DEP-12"]);
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    // Two dependencies between the same teams are two distinct arrows.
    expect(JSON.stringify(layout.edges[0]!.points)).not.toBe(JSON.stringify(layout.edges[1]!.points));
    // Waiting teams sit above the teams they wait on.
    const y = (name: string) => layout.nodes.find((n) => n.name === name)!.y;
    expect(y("Acquisition")).toBeLessThan(y("Activation"));
    expect(y("Activation")).toBeLessThan(y("Web"));
    expect(layout.nodes.find((n) => n.name === "Acquisition")).toMatchObject({ waiting: 2, providing: 0 });
  });

  it("keeps boxes apart", () => {
    const { nodes } = layoutDependencyMap(teams, edges);
    for (const a of nodes) for (const b of nodes) {
      if (a.id >= b.id) continue;
      const apart = Math.abs(a.x - b.x) >= a.width || Math.abs(a.y - b.y) >= a.height;
      expect(apart).toBe(true);
    }
  });
});
