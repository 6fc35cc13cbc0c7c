// The data table every screen uses: scrolls sideways on a narrow screen, has a caption for screen
// readers, one header row of column headings, and the rows it is given.
import type { ReactNode } from 'react';

/** A table of rows under `columns` (a `false` column is left out, e.g. one only admins see). */
export function Table(props: { caption: string; columns: readonly (string | false)[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns
              .filter((c): c is string => c !== false)
              .map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
