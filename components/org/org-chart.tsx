import Link from "next/link";
import { findingTone } from "@/components/teams/team-findings";
import { shapeLabel } from "@/components/teams/team-kind-badge";
import { Badge } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import { formatTurnaround } from "@/lib/format/turnaround";
import { formatWeekdays } from "@/lib/format/weekdays";
import type { OrgChart as OrgChartData, OrgPerson, OrgService, OrgStream, OrgTeam } from "@/lib/teams/queries";
import { roleLabel } from "@/lib/teams/rules";
import { FAMILY_STYLE, initials, ROLE_FAMILY, type RoleFamily } from "./role-style";

const focusRing = "rounded focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none";

/**
 * The organisation as a picture: the oversight layer on top; value streams as columns, each holding its
 * delivery pods and their people (coloured by the capability they bring); shared services beside them with
 * their SLA summary. Every name links to the person's page, every team to its page. Server-rendered: it is
 * a static picture with links, no script needed.
 */
export function OrgChart({ chart }: { chart: OrgChartData }) {
  // People delivering in more than one pod are marked wherever they appear.
  const podsOf = new Map<number, number>();
  for (const pod of [...chart.streams.flatMap((s) => s.pods), ...chart.unalignedPods]) {
    for (const m of pod.members) podsOf.set(m.personId, (podsOf.get(m.personId) ?? 0) + 1);
  }
  const doubleBooked = new Set([...podsOf].filter(([, n]) => n > 1).map(([id]) => id));

  return (
    <div className="flex flex-col gap-6">
      {chart.oversight.length > 0 ? <OversightBand people={chart.oversight} /> : null}
      <Legend />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="org-streams-heading">
          <h2 id="org-streams-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Value streams and their pods
          </h2>
          <ul className="grid grid-cols-1 items-start gap-5 md:grid-cols-2 2xl:grid-cols-3">
            {chart.streams.map((stream) => (
              <StreamColumn key={stream.id} stream={stream} doubleBooked={doubleBooked} />
            ))}
            {chart.unalignedPods.length > 0 ? (
              <StreamColumn
                stream={{ id: 0, name: "No value stream", kind: "STRATEGIC_INITIATIVE", description: "Pods not yet aligned to a value stream.", pods: chart.unalignedPods }}
                doubleBooked={doubleBooked}
                unaligned
              />
            ) : null}
          </ul>
        </section>
        <section aria-labelledby="org-services-heading">
          <h2 id="org-services-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase">
            Shared services
          </h2>
          <ul className="flex flex-col gap-4">
            {chart.services.map((service) => (
              <ServiceCard key={service.id} service={service} />
            ))}
            {chart.services.length === 0 ? <li className="text-sm text-slate-500">No shared services.</li> : null}
          </ul>
        </section>
      </div>
    </div>
  );
}

function OversightBand({ people }: { people: OrgChartData["oversight"] }) {
  return (
    <section aria-labelledby="org-oversight-heading" className="rounded-xl border border-slate-200 bg-gradient-to-r from-slate-900 to-slate-800 px-5 py-4 text-white shadow-sm">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div>
          <h2 id="org-oversight-heading" className="text-sm font-semibold">
            Leadership &amp; oversight
          </h2>
          <p className="text-xs text-slate-300">Governance across pods, no sprint work (exempt from the one-pod rule)</p>
        </div>
        <ul className="flex flex-wrap gap-3">
          {people.map((p) => (
            <li key={p.personId} className="flex items-center gap-2 rounded-full bg-white/10 py-1 pr-3 pl-1">
              <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-full bg-white text-xs font-semibold text-slate-900">
                {initials(p.name)}
              </span>
              <span className="text-sm leading-tight">
                <Link href={`/people/${p.personId}`} className={`font-medium text-white hover:underline ${focusRing}`}>
                  {p.name}
                </Link>
                <span className="block text-xs text-slate-300">
                  {p.title ? `${p.title} · ` : ""}oversees {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
                </span>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

const LEGEND: RoleFamily[] = ["backlog", "flow", "messaging", "visual", "channels", "performance", "specialist"];

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600" aria-label="Colour key: what each person brings to a pod">
      <span className="font-medium text-slate-500">Colour = what a person brings:</span>
      {LEGEND.map((family) => (
        <span key={family} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2.5 rounded-full ${FAMILY_STYLE[family].dot}`} />
          {FAMILY_STYLE[family].label}
        </span>
      ))}
    </div>
  );
}

function StreamColumn({ stream, doubleBooked, unaligned = false }: { stream: OrgStream; doubleBooked: ReadonlySet<number>; unaligned?: boolean }) {
  const uncovered = stream.pods.length === 0;
  return (
    <li className={`flex flex-col rounded-xl border ${uncovered ? "border-dashed border-rose-300 bg-rose-50/40" : "border-slate-200 bg-slate-50/70"}`}>
      <div className={`rounded-t-xl border-t-4 px-4 pt-3 pb-2 ${uncovered ? "border-rose-400" : unaligned ? "border-slate-400" : "border-indigo-500"}`}>
        <div className="flex items-start justify-between gap-2">
          <h3 className="text-base font-semibold text-slate-900">{stream.name}</h3>
          {uncovered ? (
            <Badge tone="rose" dot>
              Not covered
            </Badge>
          ) : (
            <span className="text-xs whitespace-nowrap text-slate-500">
              {stream.pods.length} {stream.pods.length === 1 ? "pod" : "pods"}
            </span>
          )}
        </div>
        {!unaligned ? <p className="text-xs text-slate-500">{enumLabel(stream.kind)}</p> : null}
        {stream.description ? <p className="mt-1 text-xs text-slate-600">{stream.description}</p> : null}
      </div>
      <div className="relative flex flex-1 flex-col gap-3 px-3 pb-3">
        {uncovered ? (
          <div className="flex flex-1 flex-col items-center justify-center rounded-lg border border-dashed border-rose-300 bg-white/70 px-4 py-6 text-center">
            <p className="text-sm font-medium text-rose-800">No delivery pod serves this stream</p>
            <p className="mt-1 text-xs text-slate-600">Nobody owns its outcomes end to end.</p>
          </div>
        ) : (
          stream.pods.map((pod) => <PodCard key={pod.id} pod={pod} doubleBooked={doubleBooked} />)
        )}
      </div>
    </li>
  );
}

function PodCard({ pod, doubleBooked }: { pod: OrgTeam; doubleBooked: ReadonlySet<number> }) {
  return (
    <article aria-label={`${pod.name} pod`} className="relative rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* The connector from the stream to its pod. */}
      <span aria-hidden="true" className="absolute -top-3 left-6 h-3 w-px bg-slate-300" />
      <header className="flex items-start justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <div className="min-w-0">
          <Link href={`/teams/${pod.id}`} className={`text-sm font-semibold text-indigo-700 hover:text-indigo-900 hover:underline ${focusRing}`}>
            {pod.name}
          </Link>
          <p className="text-xs text-slate-500">
            {shapeLabel(pod.shape)} · {pod.members.length} delivery
          </p>
        </div>
        <CapabilityDots members={pod.members} />
      </header>
      {pod.findings.length > 0 ? (
        <ul className="flex flex-col gap-1 border-b border-slate-100 px-3 py-2">
          {pod.findings.map((f) => (
            <li key={`${f.kind}:${f.detail}`} className="text-xs text-slate-700">
              <Badge tone={findingTone(f.kind)}>{f.title}</Badge> <span className="text-slate-600">{f.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="flex flex-col gap-0.5 px-2 py-2">
        {pod.members.map((m) => (
          <PersonRow key={m.personId} person={m} doubleBooked={doubleBooked.has(m.personId)} />
        ))}
        {pod.members.length === 0 ? <li className="px-1 py-1 text-xs text-slate-500">Nobody yet.</li> : null}
      </ul>
    </article>
  );
}

/** The capability families present in a pod, as a row of dots (the finding names what is missing). */
function CapabilityDots({ members }: { members: readonly OrgPerson[] }) {
  const present = new Set(members.map((m) => ROLE_FAMILY[m.role]));
  const families: RoleFamily[] = ["backlog", "messaging", "visual", "channels", "performance"];
  return (
    <span className="mt-1 flex shrink-0 gap-1" title="Capabilities in the pod: backlog, messaging, visual, channels, performance">
      {families.map((f) => (
        <span key={f} aria-hidden="true" className={`size-2 rounded-full ${present.has(f) ? FAMILY_STYLE[f].dot : "bg-white ring-1 ring-slate-300"}`} />
      ))}
    </span>
  );
}

function PersonRow({ person, doubleBooked }: { person: OrgPerson; doubleBooked: boolean }) {
  const style = FAMILY_STYLE[ROLE_FAMILY[person.role]];
  return (
    <li className="flex items-center gap-2 rounded-md px-1 py-1 hover:bg-slate-50">
      <span aria-hidden="true" className={`flex size-7 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold ${style.avatar}`}>
        {initials(person.name)}
      </span>
      <span className="min-w-0 flex-1 leading-tight">
        <Link href={`/people/${person.personId}`} className={`block truncate text-sm font-medium text-slate-900 hover:text-indigo-700 hover:underline ${focusRing}`}>
          {person.name}
        </Link>
        <span className="block truncate text-xs text-slate-500">{roleLabel(person.role)}</span>
      </span>
      {doubleBooked ? <Badge tone="rose">2 pods</Badge> : null}
      <span className={`shrink-0 text-xs tabular-nums ${person.allocationPct < 100 ? "text-amber-700" : "text-slate-500"}`}>{person.allocationPct}%</span>
    </li>
  );
}

function ServiceCard({ service }: { service: OrgService }) {
  const lead = service.members.find((m) => m.role === "PRODUCT_OWNER");
  return (
    <li className="rounded-xl border border-violet-200 bg-white shadow-sm">
      <header className="rounded-t-xl border-t-4 border-violet-500 px-4 pt-3 pb-2">
        <div className="flex items-start justify-between gap-2">
          <Link href={`/teams/${service.id}`} className={`text-base font-semibold text-slate-900 hover:text-indigo-700 hover:underline ${focusRing}`}>
            {service.name}
          </Link>
          <span className="text-xs whitespace-nowrap text-slate-500">{service.members.length} people</span>
        </div>
        {lead ? (
          <p className="text-xs text-slate-600">
            Lead:{" "}
            <Link href={`/people/${lead.personId}`} className={`font-medium text-slate-800 hover:underline ${focusRing}`}>
              {lead.name}
            </Link>
          </p>
        ) : (
          <p className="text-xs font-medium text-rose-700">No lead (product owner)</p>
        )}
      </header>
      <ul className="flex flex-wrap gap-1.5 px-4 pb-2" aria-label={`${service.name} people`}>
        {service.members.map((m) => (
          <li key={m.personId}>
            <Link
              href={`/people/${m.personId}`}
              title={`${m.name} — ${roleLabel(m.role)}, ${m.allocationPct}%`}
              className={`flex size-7 items-center justify-center rounded-full text-[11px] font-semibold ${FAMILY_STYLE[ROLE_FAMILY[m.role]].avatar} hover:ring-2 hover:ring-indigo-300 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none`}
            >
              <span aria-hidden="true">{initials(m.name)}</span>
              <span className="sr-only">
                {m.name}, {roleLabel(m.role)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 px-4 py-3">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Service levels</p>
        {service.slas.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">No active SLAs.</p>
        ) : (
          <ul className="mt-1.5 flex flex-col gap-1.5">
            {service.slas.map((sla) => (
              <li key={sla.requestType} className="flex items-baseline justify-between gap-2 text-xs">
                <span className="text-slate-800">{sla.requestType}</span>
                <span className="shrink-0 text-right text-slate-500">
                  <span className="font-medium text-slate-700">{formatTurnaround(sla.turnaround, sla.turnaroundUnit)}</span>
                  <span className="block">
                    {enumLabel(sla.intakeMethod)} · {formatWeekdays(sla.requestDays)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
