"use client";

import { useSyncExternalStore } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string };

type RemainingChargeChartProps = {
  /** One row per year, oldest first: `year`, then the remaining charge in euros under each series key. */
  rows: Record<string, number | string>[];
  series: ChartSeries[];
};

const subscribeToNothing = () => () => {};

/** Colours told apart by people with the common colour blindnesses (Okabe–Ito), each with text contrast on white. */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9"];

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/**
 * The remaining charge by year and type of care, stacked bars drawn by recharts in the browser only
 * (it sets styles through the DOM, which the page's CSP allows). To assistive technologies it is an
 * image whose name sends them to the table of the same values, which stands alone without JavaScript.
 */
export function RemainingChargeChart({ rows, series }: RemainingChargeChartProps) {
  const isInBrowser = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  return (
    <figure className="mt-4">
      <div
        role="img"
        aria-label="Graphique du reste à charge par année et par type de soins. Les mêmes montants sont dans le tableau qui suit."
        className="h-72 w-full"
      >
        {isInBrowser ? (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
              <XAxis dataKey="year" stroke="#334155" />
              <YAxis stroke="#334155" width={72} tickFormatter={(value: number) => euros.format(value)} />
              <Tooltip formatter={(value) => euros.format(Number(value))} />
              <Legend />
              {series.map((item, index) => (
                <Bar key={item.key} dataKey={item.key} name={item.label} stackId="reste" fill={COLOURS[index % COLOURS.length]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        ) : null}
      </div>
    </figure>
  );
}
