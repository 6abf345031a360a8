"use client";

import { useSyncExternalStore } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartPoint = {
  /** Milliseconds since the epoch. */
  at: number;
  /** Values in the unit people read (metres, g/L), one per line of the chart. */
  primary: number;
  secondary?: number | null;
};

type MeasurementChartProps = {
  /** Oldest first. */
  points: ChartPoint[];
  /** What the lines are called: ["Valeur"], or ["Systolique", "Diastolique"]. */
  lineNames: [string] | [string, string];
  unit: string;
  /** The personal target, in the unit people read. */
  target: number | null;
  /** Decimals of the axis, the tooltip and the target, as the measure is shown elsewhere. */
  minimumFractionDigits: number;
  maximumFractionDigits: number;
  /** The measure's name, for the chart's text alternative. */
  label: string;
};

const subscribeToNothing = () => () => {};

const dayFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "2-digit" });
const instantFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

/**
 * A measure's history drawn by recharts, with the personal target as a dashed line. It is drawn
 * in the browser only: recharts sizes itself on the page and sets styles through the DOM, which
 * the page's CSP allows, where style attributes in server HTML would be refused. Before that, and
 * without JavaScript, the table below (the same values) stands alone; the chart is an image to
 * assistive technologies, whose name sends them to the table.
 */
export function MeasurementChart({ points, lineNames, unit, target, minimumFractionDigits, maximumFractionDigits, label }: MeasurementChartProps) {
  const isInBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const numberFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits, maximumFractionDigits });
  const colours = ["#1d4ed8", "#b45309"];
  return (
    <figure className="mt-4">
      <div role="img" aria-label={`Graphique de l'évolution : ${label}. Les mêmes valeurs sont dans le tableau ci-dessous.`} className="h-72 w-full">
        {isInBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(at: number) => dayFormat.format(new Date(at))}
                stroke="#334155"
                minTickGap={24}
              />
              <YAxis
                stroke="#334155"
                width={56}
                domain={["auto", "auto"]}
                tickFormatter={(value: number) => numberFormat.format(value)}
              />
              <Tooltip
                labelFormatter={(at) => instantFormat.format(new Date(Number(at)))}
                formatter={(value) => `${numberFormat.format(Number(value))} ${unit}`}
              />
              {lineNames.map((name, index) => (
                <Line
                  key={name}
                  name={name}
                  dataKey={index === 0 ? "primary" : "secondary"}
                  stroke={colours[index]}
                  strokeWidth={2}
                  dot={{ r: 4 }}
                  isAnimationActive={false}
                />
              ))}
              {target !== null ? (
                <ReferenceLine
                  y={target}
                  stroke="#15803d"
                  strokeWidth={2}
                  strokeDasharray="6 4"
                  ifOverflow="extendDomain"
                  label={{ value: `Objectif : ${numberFormat.format(target)} ${unit}`, position: "insideTopRight", fill: "#14532d" }}
                />
              ) : null}
            </LineChart>
          </ResponsiveContainer>
        ) : null}
      </div>
      {lineNames.length > 1 ? (
        <figcaption className="mt-2 flex flex-wrap gap-4 text-sm text-slate-700" aria-hidden="true">
          {lineNames.map((name, index) => (
            <span key={name} className={index === 0 ? "text-blue-700" : "text-amber-700"}>
              ● {name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
